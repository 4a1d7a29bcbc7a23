package finance

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// A RoundingMode says how [Amount.RoundTo] resolves the digits it drops.
// The named modes start at 1, as every enum of exodus does (see the package
// doc of exodus); the zero RoundingMode, which prints as "RoundingMode(0)",
// and any undefined mode round as [HalfEven] does, because
// [Amount.RoundTo] cannot fail.
type RoundingMode uint8

// Rounding modes. "Half" modes round to the nearest value and differ only on
// a tie (a dropped part of exactly one half); the others are directed.
const (
	HalfEven RoundingMode = iota + 1 // nearest; ties to the even digit (banker's rounding): 2.5 → 2, 3.5 → 4
	HalfUp                           // nearest; ties away from zero: 2.5 → 3, -2.5 → -3
	HalfDown                         // nearest; ties toward zero: 2.5 → 2, -2.5 → -2
	Up                               // away from zero: 2.1 → 3, -2.1 → -3
	Down                             // toward zero (truncation): 2.9 → 2, -2.9 → -2
	Ceiling                          // toward +∞: 2.1 → 3, -2.9 → -2
	Floor                            // toward -∞: 2.9 → 2, -2.1 → -3
)

var roundingNames = [...]string{"HalfEven", "HalfUp", "HalfDown", "Up", "Down", "Ceiling", "Floor"}

// String returns the mode's name, such as "HalfEven", or "RoundingMode(n)"
// for an undefined value. It never panics.
func (m RoundingMode) String() string {
	if m >= 1 && int(m) <= len(roundingNames) {
		return roundingNames[m-1]
	}
	return "RoundingMode(" + strconv.Itoa(int(m)) + ")"
}

// roundDecimal rounds d once to places decimal places with mode.
func roundDecimal(d decimal.Decimal, places int32, mode RoundingMode) decimal.Decimal {
	if tinyBelow(d, places) {
		// |d| is under a tenth of the unit: the result is 0 or one unit,
		// known without the power of ten the decimal library would build
		// (for 1e-20000000, eight megabytes and seconds of work).
		away := mode == Up || (mode == Ceiling && d.Sign() > 0) || (mode == Floor && d.Sign() < 0)
		if !away {
			return decimal.New(0, -places)
		}
		return decimal.New(int64(d.Sign()), -places)
	}
	switch mode {
	case HalfUp:
		return d.Round(places)
	case HalfDown:
		down := d.RoundDown(places)
		// Compare twice the dropped part with one unit: tie → toward zero.
		dropped := d.Sub(down).Abs().Shift(places + 1) // in tenths of a unit
		if dropped.Cmp(decimal.NewFromInt(5)) > 0 {
			return d.RoundUp(places)
		}
		return down
	case Up:
		return d.RoundUp(places)
	case Down:
		return d.RoundDown(places)
	case Ceiling:
		return d.RoundCeil(places)
	case Floor:
		return d.RoundFloor(places)
	default:
		return d.RoundBank(places)
	}
}

// tinyBelow reports whether d is non-zero, has more than places decimal
// places and |d| < 10^(-places-1), a tenth of the rounding unit.
func tinyBelow(d decimal.Decimal, places int32) bool {
	e := int64(d.Exponent())
	if d.IsZero() || e >= -int64(places) {
		return false
	}
	// |coefficient| < 10^digits. A long coefficient's digits are bounded
	// above from its bit length, 2^b < 10^(b·30103/100000 + 1), rather than
	// counted, which would need the power of ten this avoids.
	// The bound may exceed the true count by one, so a borderline d takes the
	// ordinary path.
	digits := int64(d.Coefficient().BitLen())*30103/100000 + 1
	return digits+e <= -int64(places)-1
}

// divRoundHalfEven returns x/y rounded once, half to even, to places decimal
// places. y must be positive. It does not read decimal.DivisionPrecision.
func divRoundHalfEven(x, y decimal.Decimal, places int32) decimal.Decimal {
	q, r := x.QuoRem(y, places)
	if r.IsZero() {
		return q
	}
	// |r| < y·10^-places; compare 2|r| with y·10^-places.
	c := r.Abs().Shift(places).Mul(decimal.NewFromInt(2)).Cmp(y)
	unit := decimal.New(1, -places)
	if x.Sign() < 0 {
		unit = unit.Neg()
	}
	switch {
	case c > 0:
		return q.Add(unit)
	case c == 0 && q.Shift(places).BigInt().Bit(0) == 1:
		return q.Add(unit)
	}
	return q
}
