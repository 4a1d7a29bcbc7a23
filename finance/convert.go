package finance

import (
	"fmt"
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// convertValue returns v×num/den rounded once, half to even, to places
// decimal places: the arithmetic of every conversion. num and den must be
// positive. The result has exponent -places.
//
// Where the three coefficients fit in 64 bits and the exact intermediate
// in 128, it computes with machine integers ([mulDivHalfEven]); otherwise
// with the decimal library ([divRoundHalfEven]). Both paths give the same
// coefficient and exponent, which TestConvertPathsAgree checks.
func convertValue(v, num, den decimal.Decimal, places int32) decimal.Decimal {
	if q, ok := convertFast(v, num, den, places); ok {
		return decimal.New(q, -places)
	}
	return divRoundHalfEven(v.Mul(num), den, places)
}

// convertFast is the integer path of convertValue; ok is false where it
// does not apply.
func convertFast(v, num, den decimal.Decimal, places int32) (q int64, ok bool) {
	a, okA := coef64(v)
	n, okN := coef64(num)
	d, okD := coef64(den)
	if !okA || !okN || !okD {
		return 0, false
	}
	s := int64(v.Exponent()) + int64(num.Exponent()) - int64(den.Exponent()) + int64(places)
	return mulDivHalfEven(a, n, d, s)
}

// coef64 returns the coefficient of x if it has at most 18 digits, so that
// it and its absolute value fit an int64.
func coef64(x decimal.Decimal) (int64, bool) {
	if x.NumDigits() > 18 {
		return 0, false
	}
	return x.CoefficientInt64(), true
}

// pow10u[k] is 10^k; 10^19 is the largest power of ten below 2^64.
var pow10u = [20]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// mulDivHalfEven returns a·n·10^s / d rounded half to even to an integer,
// for n, d > 0. It multiplies into 128 bits (math/bits) and divides once.
// ok is false, and the caller must use decimals, when 10^|s| does not fit
// 64 bits, a·n·10^s (for s > 0) does not fit 128 bits, d·10^-s (for s < 0)
// does not fit 64 bits, or the result does not fit an int64.
func mulDivHalfEven(a, n, d, s int64) (int64, bool) {
	if n <= 0 || d <= 0 || s > 19 || s < -19 {
		return 0, false
	}
	ua := uint64(a)
	if a < 0 {
		ua = -ua
	}
	hi, lo := bits.Mul64(ua, uint64(n))
	ud := uint64(d)
	if s > 0 {
		p := pow10u[s]
		h2, l2 := bits.Mul64(hi, p)
		h1, l1 := bits.Mul64(lo, p)
		var carry uint64
		hi, carry = bits.Add64(h1, l2, 0)
		if h2 != 0 || carry != 0 {
			return 0, false
		}
		lo = l1
	} else if s < 0 {
		h, l := bits.Mul64(ud, pow10u[-s])
		if h != 0 {
			return 0, false
		}
		ud = l
	}
	if hi >= ud { // the quotient would not fit 64 bits
		return 0, false
	}
	q, r := bits.Div64(hi, lo, ud)
	// Round half to even: compare r with ud-r rather than 2r with ud, which
	// could overflow.
	if half := ud - r; r > half || (r == half && q&1 == 1) {
		q++
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	if a < 0 {
		return -int64(q), true
	}
	return int64(q), true
}

// ConvertUnits converts many amounts at r at once, each given as an integer
// number of minor units of from (kopecks for RUB, cents for USD, yen for
// JPY, as [Currency.MinorUnits] counts them), into minor units of r's other
// currency, writing dst[i] for src[i]. Each result is exactly what
// [Rate.Convert] gives for that amount, rounded half to even to the minor
// units of the target currency, as an integer count of them: 12345678
// kopecks at USD/RUB 100 become 123457 cents (1234.57 USD). dst may be src
// itself.
//
// Where the rate's exact value has at most 18 significant digits in its
// numerator and denominator (every quoted rate of the CBR and the ECB, and
// their inverses) and the product of an amount and the rate fits 128 bits,
// ConvertUnits computes with machine integers and does not allocate; for
// other amounts it computes the same result with decimals.
//
// from must be r's base or quote, or it returns a *[MismatchError]; the
// zero Rate gives an error wrapping [ErrInvalidRate]. dst shorter than src,
// or a result beyond the range of int64, gives an error wrapping
// [ErrRange] that names the index and the value; then dst[:i] hold the
// results before it and the rest of dst is unchanged.
func (r Rate) ConvertUnits(dst, src []int64, from Currency) error {
	var num, den decimal.Decimal
	var to Currency
	switch {
	case r.base == 0:
		return fmt.Errorf("finance: convert units with the zero Rate: %w", ErrInvalidRate)
	case from == r.base:
		num, den, to = r.num, r.den, r.quote
	case from == r.quote:
		num, den, to = r.den, r.num, r.base
	default:
		return &MismatchError{Op: "convert", Left: from, Right: r.base}
	}
	if len(dst) < len(src) {
		return fmt.Errorf("finance: convert units: dst has %d elements for %d amounts: %w", len(dst), len(src), ErrRange)
	}
	pf, pt := from.MinorUnits(), to.MinorUnits()
	n, okN := coef64(num)
	d, okD := coef64(den)
	s := int64(-pf) + int64(num.Exponent()) - int64(den.Exponent()) + int64(pt)
	for i, a := range src {
		if okN && okD {
			if q, ok := mulDivHalfEven(a, n, d, s); ok {
				dst[i] = q
				continue
			}
		}
		// The decimal path, for rates with long coefficients or results
		// near the limits of int64.
		q := convertValue(decimal.New(a, -pf), num, den, pt)
		if q.NumDigits() > 19 || !q.Coefficient().IsInt64() {
			return fmt.Errorf("finance: convert units: %d %v (index %d) is %s %v, beyond the range of int64 minor units: %w",
				a, from, i, q.StringFixed(pt), to, ErrRange)
		}
		dst[i] = q.CoefficientInt64()
	}
	return nil
}
