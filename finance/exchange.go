package finance

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/exodus-lab/exodus"
)

// A Conversion is the result of [Rates.Exchange]: an amount converted, the
// result and the rate used, so that a caller can cite the conversion
// without a second lookup. The rate gives the legs ([Rate.Chain]), their
// dates, the [Basis] and the sources.
//
// A Conversion is a plain value, safe for concurrent use. The zero
// Conversion converts nothing.
type Conversion struct {
	From Amount    // the amount converted, unchanged
	To   Amount    // the result, rounded once, half to even, to the minor units of its currency
	Rate Rate      // the rate used, as [Rates.Find] returns it
	On   time.Time // the day asked for, midnight UTC
}

// Age returns how old the rate used was on the day asked for, in days: for
// a cross rate, the age of its stalest leg ([Rate.Age]).
func (c Conversion) Age() int { return c.Rate.Age(c.On) }

// Basis returns the basis of the rate used: the weakest of its legs.
func (c Conversion) Basis() Basis { return c.Rate.Basis() }

// Sources returns the distinct sources of the rate used ([Rate.Sources]).
func (c Conversion) Sources() []exodus.Source { return c.Rate.Sources() }

// String returns the conversion in one line: the amounts, the rate in its
// written form with its date and basis, and its age when it is older than
// the day asked for:
//
//	1200000000000.00 RUB = 13804400842.99 USD at 1 USD = 86.9288 RUB on 2022-02-25 (official)
//	… at 1 USD = 83.5485 RUB on 2022-02-26 (official), 2 days before 2022-02-28
//
// The rate is written from the currency of which one unit is worth at least
// one unit of the other, as central banks publish it.
func (c Conversion) String() string {
	if c.Rate.base == 0 {
		return "Conversion(zero)"
	}
	r := c.Rate
	if r.num.LessThan(r.den) {
		r = r.Inverse()
	}
	s := fmt.Sprintf("%v = %v at %v", c.From, c.To, r)
	switch age := c.Age(); {
	case age == 1:
		s += ", 1 day before " + dayString(c.On)
	case age > 1:
		s += fmt.Sprintf(", %d days before %s", age, dayString(c.On))
	}
	return s
}

// MarshalJSON implements [json.Marshaler]:
//
//	{"from":{"amount":"1200000000000.00","currency":"RUB"},
//	 "to":{"amount":"13804400842.99","currency":"USD"},
//	 "on":"2022-02-25","age":0,"basis":"official","rate":{…}}
//
// with the rate as [Rate.MarshalJSON] writes it, its legs and sources
// included.
func (c Conversion) MarshalJSON() ([]byte, error) {
	if c.Rate.base == 0 {
		return []byte("null"), nil
	}
	return json.Marshal(struct {
		From  Amount `json:"from"`
		To    Amount `json:"to"`
		On    string `json:"on"`
		Age   int    `json:"age"`
		Basis Basis  `json:"basis"`
		Rate  Rate   `json:"rate"`
	}{c.From, c.To, dayString(c.On), c.Age(), c.Basis(), c.Rate})
}

// Exchange converts a into currency to on the day of on, as [Rates.Convert]
// does, and returns the result with the rate it used: the latest rate dated
// on or before that day, at most [DefaultMaxAge] days old. Its errors are
// those of [Rates.Convert]. An amount already in to is only rounded, at the
// rate of exactly 1.
func (t *Rates) Exchange(a Amount, to Currency, on time.Time) (Conversion, error) {
	return t.ExchangeWith(a, to, on, FindOptions{})
}

// ExchangeWith is [Rates.Exchange] with options.
func (t *Rates) ExchangeWith(a Amount, to Currency, on time.Time, opt FindOptions) (Conversion, error) {
	r, err := t.FindWith(a.cur, to, on, opt)
	if err != nil {
		return Conversion{}, err
	}
	got, err := r.Convert(a)
	if err != nil {
		return Conversion{}, err
	}
	return Conversion{From: a, To: got, Rate: r, On: day(on)}, nil
}
