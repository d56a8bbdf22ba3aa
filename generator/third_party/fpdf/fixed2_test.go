package fpdf

import (
	"math"
	"math/rand"
	"strconv"
	"testing"
)

// TestAppendFixed2IsStrconv: patch 10's formatting gives strconv's digits for
// page coordinates, ties and near-ties, signs, zeros and the values it leaves
// to strconv.
func TestAppendFixed2IsStrconv(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), 0.001, -0.001, -0.004, -0.005, 0.005, 0.015, 0.025,
		0.125, 0.375, 1.005, 2.675, 1.115, 841.89, 595.28, 283.465, 12.345, 12.355, -12.345,
		99.995, 99.994999, 999999.994, 999999.995, 1e6, 1e6 + 0.005, 1e9, -1e12, 123456.785,
		math.Inf(1), math.Inf(-1), math.NaN(), math.SmallestNonzeroFloat64, 0.0049999999999,
		0.0050000000001, 297 * 72 / 25.4, 210 * 72 / 25.4}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 200000; i++ {
		switch i % 4 {
		case 0:
			values = append(values, r.Float64()*842)
		case 1:
			values = append(values, (r.Float64()-0.5)*2000)
		case 2: // a hundredth and a half, nudged: the near-ties
			values = append(values, (float64(r.Intn(100000))+0.5)/100+float64(r.Intn(3)-1)*1e-12)
		default: // millimetres in points, as lifeplan's layout makes them
			values = append(values, float64(r.Intn(300000))/1000*72/25.4)
		}
	}
	for _, v := range values {
		want := string(strconv.AppendFloat(nil, v, 'f', 2, 64))
		if got := string(appendFixed2(nil, v)); got != want {
			t.Errorf("%v (%b): got %s, want %s", v, math.Float64bits(v), got, want)
		}
	}
}
