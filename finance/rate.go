package finance

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/exodus-lab/exodus"
	"github.com/shopspring/decimal"
)

// ErrInvalidRate is wrapped by the errors of [NewRate] and of the file
// parsers for a rate that cannot be used: a value that is not positive, the
// same currency on both sides, an unknown currency, a missing date or basis;
// and of [Rates.Add] and [Rates.Replace] for a computed rate.
var ErrInvalidRate = errors.New("invalid rate")

// A Rate is one exchange-rate quote: 1 unit of Base is worth Value units of
// Quote, in force from a date, known on a [Basis], published by a Source.
// For the Central Bank of Russia's 86.9288 roubles per dollar dated
// 25.02.2022, Base is USD, Quote is RUB, Value is 86.9288 and the Basis is
// [Official]; it prints as "1 USD = 86.9288 RUB on 2022-02-25 (official)".
//
// A Rate is either quoted (made by [NewRate] or read from a file,
// [Rate.IsQuoted]) or computed from quoted rates by [Rate.Inverse] or by
// [Rates.Find] crossing two rates through a common currency. A computed rate
// keeps its exact value as a ratio and the chain of quoted rates it came
// from ([Rate.Chain], [Rate.Sources]), so a report can cite every source;
// its Basis is the weakest of its chain and its date the oldest.
//
// A Rate is immutable and safe for concurrent use. The zero Rate has no
// currencies and converts nothing.
type Rate struct {
	base, quote Currency
	num, den    decimal.Decimal // the value is num/den, both positive
	on          time.Time       // midnight UTC of the day the rate applies from
	basis       Basis           // how it is known; for a computed rate, the weakest of its chain
	src         exodus.Source
	chain       []Rate // the quoted rates a computed rate comes from; nil if quoted
}

// NewRate returns the quote "1 base = value quote", in force from the day of
// on, known on basis, published by src. Only the calendar date of on (in its
// own location) is kept. For a [Reported] or [Derived] rate, say in src's
// Note what the record is and how sure the value is.
//
// It returns an error wrapping [ErrInvalidRate] if value is not positive,
// base equals quote, either currency is not in the ISO 4217 list, basis is
// not [Official], [Reported] or [Derived], or the day of on is not one the
// JSON form can carry: 0001-01-01 (the day of the zero time, which means no
// date) or a year outside 0001–9999.
func NewRate(base, quote Currency, value decimal.Decimal, on time.Time, basis Basis, src exodus.Source) (Rate, error) {
	return newRate(base, quote, value, on, basis, src)
}

// newRate is NewRate. A quoted rate always has den 1, so that its value is
// exact and [Rate.Decimal] and the JSON form give it unrounded.
func newRate(base, quote Currency, num decimal.Decimal, on time.Time, basis Basis, src exodus.Source) (Rate, error) {
	den := one
	bad := func(why string) (Rate, error) {
		return Rate{}, fmt.Errorf("finance: rate %v/%v %.40s on %s: %s: %w", base, quote, ratioString(num, den), dayString(on), why, ErrInvalidRate)
	}
	switch {
	case num.Exponent() < -maxRateExp || num.Exponent() > maxRateExp || den.Exponent() < -maxRateExp || den.Exponent() > maxRateExp:
		return Rate{}, fmt.Errorf("finance: rate %v/%v on %s: value out of range (decimal exponent beyond ±%d): %w", base, quote, dayString(on), maxRateExp, ErrInvalidRate)
	case !base.known():
		return bad("unknown base currency " + base.String())
	case !quote.known():
		return bad("unknown quote currency " + quote.String())
	case base == quote:
		return bad("base and quote are the same")
	case num.Sign() <= 0 || den.Sign() <= 0:
		return bad("value is not positive")
	case day(on).IsZero():
		return bad("no date")
	case !basis.Valid():
		return bad("basis " + basis.String() + " is not official, reported or derived")
	case !validDay(day(on)):
		return bad("date outside the years 0001 to 9999")
	}
	return Rate{base: base, quote: quote, num: num, den: den, on: day(on), basis: basis, src: src}, nil
}

// maxRateExp bounds the decimal exponent of a rate's value so that
// conversions cannot overflow the decimal library's exponent arithmetic.
const maxRateExp = 1000

// validDay reports whether d, a day as day returns it, is one a rate may
// carry: not the zero time's 0001-01-01, which means no date, and in the
// years 0001 to 9999 that the JSON form (YYYY-MM-DD) can write.
func validDay(d time.Time) bool {
	return !d.IsZero() && d.Year() >= 1 && d.Year() <= 9999
}

// day returns midnight UTC of t's calendar date in t's location.
func day(t time.Time) time.Time {
	if t.Location() == time.UTC {
		// The common case, without the calendar arithmetic of t.Date
		// (a fifth of a table lookup). Unix seconds count 86400 a day.
		s := t.Unix()
		s -= s % 86400
		if s > t.Unix() { // before 1970: % truncates toward zero
			s -= 86400
		}
		return time.Unix(s, 0).UTC()
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func dayString(t time.Time) string {
	if t.IsZero() {
		return "(no date)"
	}
	return t.Format(time.DateOnly)
}

func ratioString(num, den decimal.Decimal) string {
	if den.Equal(decimal.NewFromInt(1)) {
		return num.String()
	}
	return num.String() + "/" + den.String()
}

// Base returns the currency of which one unit is priced.
func (r Rate) Base() Currency { return r.base }

// Quote returns the currency in which the price is given.
func (r Rate) Quote() Currency { return r.quote }

// Date returns the day the rate applies from, as midnight UTC. For a
// computed rate it is the oldest date in its chain, so that a cross rate
// built from EUR/RUB of 2022-03-01 and EUR/USD of 2022-03-11 is dated
// 2022-03-01: its age is the age of its stalest leg.
func (r Rate) Date() time.Time { return r.on }

// Age returns how old r is on the day of on (its calendar date in its own
// location), in whole calendar days from [Rate.Date] to that day, which is
// what [FindOptions.MaxAge] limits. A rate dated 2022-02-04 is 21 days old
// on 2022-02-25 and 0 days old on its own date; Age is negative for a day
// before the rate's date. The zero Rate's Age is 0.
func (r Rate) Age(on time.Time) int {
	if r.base == 0 {
		return 0
	}
	return int(daysBetween(r.on, day(on)))
}

// daysBetween returns the whole days from midnight a to midnight b. It does
// not use time.Sub, which saturates at about 292 years.
func daysBetween(a, b time.Time) int64 {
	return (b.Unix() - a.Unix()) / 86400
}

// Source returns who published a quoted rate. A computed rate has no single
// source and returns the zero Source; see [Rate.Sources].
func (r Rate) Source() exodus.Source { return r.src }

// Basis returns how r is known: for a quoted rate, the basis it was made
// with; for a computed rate, the weakest basis of its [Rate.Chain]. The
// rate of exactly 1 between a currency and itself is [Official]: it is
// exact by definition. The zero Rate's Basis is [UnknownBasis].
func (r Rate) Basis() Basis { return r.basis }

// IsQuoted reports whether r is a quote as made by [NewRate] or read from a
// file, rather than an inverse or a cross rate computed from quotes. Whether
// a quote was published by the authority or computed by someone is its
// [Rate.Basis]; the zero Rate is not quoted.
func (r Rate) IsQuoted() bool { return r.chain == nil && r.base != 0 }

// Chain returns the quoted rates r was computed from, in the order they were
// applied: for a quoted rate, r itself; for an inverse, the rate inverted;
// for a cross rate, the leg from the base to the common currency, then the
// leg to the quote (each leg as quoted, possibly in the other direction).
func (r Rate) Chain() []Rate {
	if r.chain == nil {
		if r.base == 0 {
			return nil
		}
		return []Rate{r}
	}
	return slices.Clone(r.chain)
}

// Sources returns the distinct sources of the rates in [Rate.Chain], in
// order.
func (r Rate) Sources() []exodus.Source {
	var out []exodus.Source
	for _, q := range r.Chain() {
		if !slices.Contains(out, q.src) {
			out = append(out, q.src)
		}
	}
	return out
}

// Decimal returns the number of the rate: how many units of Quote one unit of
// Base is worth. A quoted rate returns its value exactly; a computed rate's
// exact value may have no finite decimal form, so Decimal rounds it half to
// even to 16 decimal places. Conversions never use this rounded value: they
// use the exact ratio. The name is the one [Amount.Decimal] and
// [PeriodRate.Decimal] use for their numbers.
func (r Rate) Decimal() decimal.Decimal {
	if r.base == 0 {
		return decimal.Decimal{}
	}
	if r.den.Equal(decimal.NewFromInt(1)) {
		return r.num
	}
	return divRoundHalfEven(r.num, r.den, 16)
}

// Inverse returns the rate in the other direction, 1 Quote = 1/Value Base,
// with the same date and basis. Its value is kept exactly; it is a computed
// rate whose chain is that of r. The inverse of an inverse is the original
// quote.
func (r Rate) Inverse() Rate {
	inv := Rate{base: r.quote, quote: r.base, num: r.den, den: r.num, on: r.on, basis: r.basis}
	switch {
	case r.chain == nil:
		inv.chain = []Rate{r}
	case len(r.chain) == 1 && r.chain[0].base == inv.base && r.chain[0].quote == inv.quote:
		return r.chain[0]
	default:
		inv.chain = r.chain
	}
	return inv
}

// cross returns the rate base→quote obtained by applying a then b, where
// a.quote == b.base: dated by its older leg, on the weaker basis.
func cross(a, b Rate) Rate {
	on := a.on
	if b.on.Before(on) {
		on = b.on
	}
	chain := append(slices.Clip(a.Chain()), b.Chain()...)
	return Rate{
		base:  a.base,
		quote: b.quote,
		num:   a.num.Mul(b.num),
		den:   a.den.Mul(b.den),
		on:    on,
		basis: a.basis.Weaker(b.basis),
		chain: chain,
	}
}

// Convert converts a with r in either direction: an amount in Base becomes
// Quote, an amount in Quote becomes Base. The result is computed exactly
// and rounded once, half to even, to the target currency's minor units
// ([Currency.MinorUnits]). An amount in another currency gives a
// *[MismatchError]; an amount out of range, an error wrapping [ErrRange].
// Convert leaves a unchanged.
func (r Rate) Convert(a Amount) (Amount, error) {
	var num, den decimal.Decimal
	var to Currency
	switch {
	case r.base == 0:
		return Amount{}, fmt.Errorf("finance: convert %v with the zero Rate: %w", a, ErrInvalidRate)
	case a.cur == r.base:
		num, den, to = r.num, r.den, r.quote
	case a.cur == r.quote:
		num, den, to = r.den, r.num, r.base
	default:
		return Amount{}, &MismatchError{Op: "convert", Left: a.cur, Right: r.base}
	}
	if err := a.checkRange("convert"); err != nil {
		return Amount{}, err
	}
	return Amount{val: convertValue(a.val, num, den, to.MinorUnits()), cur: to}, nil
}

// maxAmountExp bounds the decimal exponent of an amount that Convert and
// Allocate accept.
const maxAmountExp = 1 << 20

// ErrRange is wrapped by the errors of conversions, [Amount.Allocate],
// [Amount.Add], [Amount.Sub], [Amount.Mul] and the marshalling methods for
// an amount whose decimal exponent is beyond ±1048576 (2^20), which they
// refuse rather than compute with numbers of over a million digits. Such an
// amount can only come from [NewAmount]; [ParseAmount] never returns one,
// and [Amount.String] writes it as coefficient, "e" and exponent
// ("1e2147483647 USD"). [Rate.ConvertUnits] also wraps it for a result
// beyond int64, and the marshalling methods for a text longer than the
// 4096 bytes that [ParseAmount] and [Amount.UnmarshalJSON] read.
var ErrRange = errors.New("amount out of range")

// checkRange returns an error wrapping ErrRange if a's exponent is beyond
// ±maxAmountExp.
func (a Amount) checkRange(op string) error {
	if e := a.val.Exponent(); e < -maxAmountExp || e > maxAmountExp {
		return fmt.Errorf("finance: %s %s %v: decimal exponent beyond ±%d: %w", op, shortDecimal(a.val), a.cur, maxAmountExp, ErrRange)
	}
	return nil
}

// String returns the one written form of a rate, "1 USD = 86.9288 RUB",
// followed by its date and basis: "1 USD = 86.9288 RUB on 2022-02-25
// (official)". The value is as [Rate.Decimal] returns it. A computed rate
// adds how it was computed: "(official, inverse)" or "(reported, cross via
// RUB)". The zero Rate is "Rate(zero)".
func (r Rate) String() string {
	if r.base == 0 {
		return "Rate(zero)"
	}
	s := fmt.Sprintf("1 %v = %s %v on %s (%v", r.base, r.Decimal().String(), r.quote, dayString(r.on), r.basis)
	switch len(r.chain) {
	case 0:
	case 1:
		s += ", inverse"
	default:
		s += ", cross via " + r.via().String()
	}
	return s + ")"
}

// via returns the common currency of a cross rate's two legs.
func (r Rate) via() Currency {
	a, b := r.chain[0], r.chain[1]
	if a.base == b.base || a.base == b.quote {
		return a.base
	}
	return a.quote
}

// Equal reports whether r and s are the same quote: same currencies, the
// same exact value, date, basis and source, and equal chains.
func (r Rate) Equal(s Rate) bool {
	if r.base != s.base || r.quote != s.quote || !r.on.Equal(s.on) || r.basis != s.basis || r.src != s.src {
		return false
	}
	if !r.num.Mul(s.den).Equal(s.num.Mul(r.den)) {
		return false
	}
	return slices.EqualFunc(r.chain, s.chain, Rate.Equal)
}
