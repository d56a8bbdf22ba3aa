package money

import "math/bits"

func mul64(a, b uint64) (hi, lo uint64) { return bits.Mul64(a, b) }

func div128(hi, lo, c uint64) (q, r uint64) {
	if hi >= c {
		// The quotient does not fit in 64 bits; inputs are bounded so that this
		// cannot happen for amounts ParsePence and ParseDecimal accept.
		panic("money: product too large")
	}
	return bits.Div64(hi, lo, c)
}
