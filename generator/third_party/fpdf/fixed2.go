package fpdf

import (
	"math"
	"strconv"
)

// appendFixed2 appends v with two decimals, exactly as
// strconv.AppendFloat(b, v, 'f', 2, 64) does (lifeplan patch 10). Every
// coordinate of every page goes through it, and strconv's exact algorithm was
// a twelfth of drawing a PDF. For numbers below a million whose hundredths are
// not within a millionth of a rounding tie, rounding v*100 to an integer
// decides the same digits: v*100 is off the exact product by less than 1e-8
// there. Everything else (ties, large numbers, NaN and infinities) is left to
// strconv.
func appendFixed2(b []byte, v float64) []byte {
	a := math.Abs(v)
	if !(a < 1e6) {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	s := a * 100
	whole := math.Floor(s)
	frac := s - whole
	if math.Abs(frac-0.5) < 1e-6 {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	n := int64(whole)
	if frac > 0.5 {
		n++
	}
	if math.Signbit(v) {
		b = append(b, '-') // strconv writes -0.00 for a negative that rounds to 0
	}
	b = strconv.AppendInt(b, n/100, 10)
	return append(b, '.', byte('0'+n/10%10), byte('0'+n%10))
}
