package finance

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/exodus-lab/exodus"
	"github.com/shopspring/decimal"
)

// ErrInvalidPeriod is wrapped by the errors of [Rates.Average] for a period
// that cannot be averaged: a zero start or end, an end before the start, or
// more than [MaxPeriodDays] days.
var ErrInvalidPeriod = errors.New("invalid period")

// MaxPeriodDays is the longest period [Rates.Average] averages: 100 years
// of days.
const MaxPeriodDays = 36525

// A PeriodError reports the days of a period on which no rate within the
// age limit was in force, so that [Rates.Average] has no average. It wraps
// [ErrNoRate].
type PeriodError struct {
	From, To   Currency    // the pair asked for
	Start, End time.Time   // the period, first and last day, midnight UTC
	MaxAge     int         // the age limit in force, in days (0: none)
	Missing    []time.Time // the days without a rate, in order
}

// Error returns "finance: no USD/RUB rate within 14 days on 3 of 28 days
// from 2022-02-01 to 2022-02-28: 2022-02-01 to 2022-02-03", listing the
// missing days as runs (at most ten, then the number of others).
func (e *PeriodError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "finance: no %v/%v rate", e.From, e.To)
	if e.MaxAge > 0 {
		b.WriteString(" within " + plural(e.MaxAge, "day"))
	}
	fmt.Fprintf(&b, " on %d of %d days from %s to %s", len(e.Missing), daysBetween(e.Start, e.End)+1, dayString(e.Start), dayString(e.End))
	runs := 0
	for i := 0; i < len(e.Missing); {
		j := i
		for j+1 < len(e.Missing) && daysBetween(e.Missing[j], e.Missing[j+1]) == 1 {
			j++
		}
		if runs == 10 {
			fmt.Fprintf(&b, ", and %d more days", len(e.Missing)-i)
			break
		}
		if runs == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(dayString(e.Missing[i]))
		if j > i {
			b.WriteString(" to " + dayString(e.Missing[j]))
		}
		runs++
		i = j + 1
	}
	return b.String()
}

// Unwrap returns [ErrNoRate].
func (e *PeriodError) Unwrap() error { return ErrNoRate }

// A Span is one rate of a [PeriodRate] and the days of the period on which
// it was in force.
type Span struct {
	Rate     Rate      // the rate in force, as [Rates.Find] returns it
	From, To time.Time // the first and last day of the period it was in force, midnight UTC
	Days     int       // the number of those days, To-From+1
}

// A PeriodRate is the calendar-day weighted average of the rates in force
// over a period, made by [Rates.Average]: every day from the first to the
// last counts once, at the rate in force that day. Beside the average it
// keeps every rate in force and its days ([PeriodRate.Spans]), the lowest
// and the highest.
//
// A PeriodRate is immutable and safe for concurrent use. The zero
// PeriodRate has no currencies and converts nothing.
type PeriodRate struct {
	avg        Rate // base, quote, the exact mean num/den and the weakest basis; no date or chain
	start, end time.Time
	spans      []Span
	lo, hi     int // indices in spans of the lowest and highest rate
}

// Base returns the currency of which one unit is priced.
func (p PeriodRate) Base() Currency { return p.avg.base }

// Quote returns the currency in which the price is given.
func (p PeriodRate) Quote() Currency { return p.avg.quote }

// Start returns the first day of the period, midnight UTC.
func (p PeriodRate) Start() time.Time { return p.start }

// End returns the last day of the period, midnight UTC.
func (p PeriodRate) End() time.Time { return p.end }

// Days returns the number of calendar days in the period, every one with a
// rate in force: End-Start+1.
func (p PeriodRate) Days() int {
	if p.avg.base == 0 {
		return 0
	}
	return int(daysBetween(p.start, p.end)) + 1
}

// Decimal returns the number of the average rate, Quote per Base, rounded
// half to even to 16 decimal places, as [Rate.Decimal] does. Conversions
// never use this rounded value: they use the exact average.
func (p PeriodRate) Decimal() decimal.Decimal { return p.avg.Decimal() }

// Basis returns the weakest basis of the rates in force: an average of
// official rates is [Official] (the average itself is our computation, as
// its documentation says; the rates averaged are official).
func (p PeriodRate) Basis() Basis { return p.avg.basis }

// Min returns the lowest rate in force during the period (the first, on a
// tie).
func (p PeriodRate) Min() Rate {
	if len(p.spans) == 0 {
		return Rate{}
	}
	return p.spans[p.lo].Rate
}

// Max returns the highest rate in force during the period (the first, on a
// tie).
func (p PeriodRate) Max() Rate {
	if len(p.spans) == 0 {
		return Rate{}
	}
	return p.spans[p.hi].Rate
}

// Spans returns the rates in force during the period, in order, each with
// the days it was in force; their Days add up to [PeriodRate.Days].
func (p PeriodRate) Spans() []Span { return slices.Clone(p.spans) }

// Sources returns the distinct sources of every rate in force, in order.
func (p PeriodRate) Sources() []exodus.Source {
	var out []exodus.Source
	for _, s := range p.spans {
		for _, src := range s.Rate.Sources() {
			if !slices.Contains(out, src) {
				out = append(out, src)
			}
		}
	}
	return out
}

// Convert converts a at the exact average, in either direction, as
// [Rate.Convert] does: an amount in Base becomes Quote, an amount in Quote
// becomes Base, rounded once, half to even, to the target currency's minor
// units. Its errors are those of [Rate.Convert].
func (p PeriodRate) Convert(a Amount) (Amount, error) { return p.avg.Convert(a) }

// String returns "1 USD = 77.4048 RUB, average of 28 days 2022-02-01 to
// 2022-02-28 (official; in force: 74.7241 to 86.9288)": the average and
// the lowest and highest rates in force, rounded half to even to 4 decimal
// places for display. The zero PeriodRate is "PeriodRate(zero)".
func (p PeriodRate) String() string {
	if p.avg.base == 0 {
		return "PeriodRate(zero)"
	}
	return fmt.Sprintf("1 %v = %s %v, average of %d days %s to %s (%v; in force: %s to %s)",
		p.avg.base, p.Decimal().RoundBank(4).String(), p.avg.quote, p.Days(), dayString(p.start), dayString(p.end),
		p.avg.basis, p.Min().Decimal().RoundBank(4).String(), p.Max().Decimal().RoundBank(4).String())
}

// MarshalJSON implements [json.Marshaler]: the currencies, the period, the
// number of days, the average as a string (16 decimal places), the basis,
// the lowest and highest rates in force, and every span:
//
//	{"base":"USD","quote":"RUB","start":"2022-02-01","end":"2022-02-28","days":28,
//	 "value":"77.4047678571428571","basis":"official","min":{…},"max":{…},
//	 "spans":[{"from":"2022-02-01","to":"2022-02-01","days":1,"rate":{…}},…]}
//
// The zero PeriodRate is JSON null.
func (p PeriodRate) MarshalJSON() ([]byte, error) {
	if p.avg.base == 0 {
		return []byte("null"), nil
	}
	type spanJSON struct {
		From string `json:"from"`
		To   string `json:"to"`
		Days int    `json:"days"`
		Rate Rate   `json:"rate"`
	}
	spans := make([]spanJSON, len(p.spans))
	for i, s := range p.spans {
		spans[i] = spanJSON{dayString(s.From), dayString(s.To), s.Days, s.Rate}
	}
	return json.Marshal(struct {
		Base  Currency   `json:"base"`
		Quote Currency   `json:"quote"`
		Start string     `json:"start"`
		End   string     `json:"end"`
		Days  int        `json:"days"`
		Value string     `json:"value"`
		Basis Basis      `json:"basis"`
		Min   Rate       `json:"min"`
		Max   Rate       `json:"max"`
		Spans []spanJSON `json:"spans"`
	}{p.avg.base, p.avg.quote, dayString(p.start), dayString(p.end), p.Days(), p.Decimal().String(), p.avg.basis, p.Min(), p.Max(), spans})
}

// Average returns the calendar-day weighted average of the rates that
// convert from into to over the days from start to end, both included (the
// calendar dates of start and end in their own locations).
//
// Each calendar day counts once, at the rate in force that day: the rate
// [Rates.Find] returns for it, at most [DefaultMaxAge] days old. A rate in
// force for three days (a CBR rate dated Saturday, in force until Monday)
// counts three times; a rate dated before start counts for the days it is
// still in force. This is the usual way to convert a flow over a period
// whose transactions' own days are unknown. The average is of the rates
// from→to as the table gives them; the average of the inverses is not the
// inverse of the average, so ask in the direction the publisher quotes (for
// CBR rates, from the foreign currency to RUB) and convert either way with
// [PeriodRate.Convert]. For February 2022, with [DefaultRates], the
// average is 77.4048 RUB per USD, and 1.2 trillion roubles is $15.50bn.
//
// If on some day of the period no rate within the age limit is in force,
// Average returns a *[PeriodError] naming those days, wrapping [ErrNoRate];
// it never averages over fewer days than asked. A zero start or end, an end
// before start or a period of more than [MaxPeriodDays] days gives an error
// wrapping [ErrInvalidPeriod].
func (t *Rates) Average(from, to Currency, start, end time.Time) (PeriodRate, error) {
	return t.AverageWith(from, to, start, end, FindOptions{})
}

// AverageWith is [Rates.Average] with options, which apply to the rate of
// each day.
func (t *Rates) AverageWith(from, to Currency, start, end time.Time, opt FindOptions) (PeriodRate, error) {
	if start.IsZero() || end.IsZero() {
		return PeriodRate{}, fmt.Errorf("finance: average %v/%v from %s to %s: no date: %w", from, to, dayString(start), dayString(end), ErrInvalidPeriod)
	}
	first, last := day(start), day(end)
	n := daysBetween(first, last) + 1
	switch {
	case n < 1:
		return PeriodRate{}, fmt.Errorf("finance: average %v/%v from %s to %s: the end is before the start: %w", from, to, dayString(first), dayString(last), ErrInvalidPeriod)
	case n > MaxPeriodDays:
		return PeriodRate{}, fmt.Errorf("finance: average %v/%v from %s to %s: %d days, more than %d: %w", from, to, dayString(first), dayString(last), n, MaxPeriodDays, ErrInvalidPeriod)
	}
	p := PeriodRate{start: first, end: last}
	var missing []time.Time
	if from == to && from.known() {
		r, _ := t.FindWith(from, to, first, opt) // the rate of exactly 1
		p.spans = []Span{{Rate: r, From: first, To: last, Days: int(n)}}
	} else {
		p.spans, missing = t.spansOf(from, to, first, last, opt)
	}
	if len(missing) > 0 {
		limit := opt.maxAge()
		if limit < 0 {
			limit = 0
		}
		return PeriodRate{}, &PeriodError{From: from, To: to, Start: first, End: last, MaxAge: limit, Missing: missing}
	}
	// The exact mean: sum of Days·num/den over the spans, over n days.
	sn, sd := decimal.Zero, one
	basis := Official
	for i, s := range p.spans {
		r := s.Rate
		w := decimal.NewFromInt(int64(s.Days))
		if r.den.Equal(sd) {
			sn = sn.Add(w.Mul(r.num))
		} else {
			sn, sd = sn.Mul(r.den).Add(w.Mul(r.num).Mul(sd)), sd.Mul(r.den)
		}
		basis = basis.Weaker(r.basis)
		if r.num.Mul(p.spans[p.lo].Rate.den).LessThan(p.spans[p.lo].Rate.num.Mul(r.den)) {
			p.lo = i
		}
		if r.num.Mul(p.spans[p.hi].Rate.den).GreaterThan(p.spans[p.hi].Rate.num.Mul(r.den)) {
			p.hi = i
		}
	}
	p.avg = Rate{base: from, quote: to, num: sn, den: sd.Mul(decimal.NewFromInt(n)), basis: basis}
	return p, nil
}

// spansOf returns the rates in force from→to on each day from first to
// last, as runs of days, and the days without one.
func (t *Rates) spansOf(from, to Currency, first, last time.Time, opt FindOptions) (spans []Span, missing []time.Time) {
	if t != nil {
		t.mu.RLock()
		defer t.mu.RUnlock()
	}
	var prev candidate
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		var c candidate
		if t != nil {
			c = t.best(from, to, d, opt.Via)
		}
		if checkFound(c, from, to, d, opt) != nil {
			missing = append(missing, d)
			prev = candidate{}
			continue
		}
		if prev.valid && c.a == prev.a && c.b == prev.b {
			s := &spans[len(spans)-1]
			s.To, s.Days = d, s.Days+1
			continue
		}
		spans = append(spans, Span{Rate: c.rate(), From: d, To: d, Days: 1}) // built while the quotes are locked
		prev = c
	}
	return spans, missing
}
