package finance

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/exodus-lab/exodus"
	"github.com/shopspring/decimal"
)

// MarshalText implements [encoding.TextMarshaler] with [Amount.String]. The
// zero Amount, which has no currency, cannot be marshalled as text.
func (a Amount) MarshalText() ([]byte, error) {
	if a.cur == 0 {
		return nil, fmt.Errorf("finance: marshal amount %s: no currency: %w", shortDecimal(a.val), ErrUnknownCurrency)
	}
	if err := a.checkMarshal(); err != nil {
		return nil, err
	}
	return []byte(a.String()), nil
}

// checkMarshal returns an error wrapping ErrRange for an amount out of
// range or whose text is longer than ParseAmount and UnmarshalJSON read,
// so that whatever marshals also unmarshals.
func (a Amount) checkMarshal() error {
	if err := a.checkRange("marshal"); err != nil {
		return err
	}
	// The digits before the point, the point and the places, the sign.
	n := max(int64(a.val.NumDigits())+int64(a.val.Exponent()), 1) + 1 + int64(a.scale()) + 1
	if n > maxAmountLen {
		return fmt.Errorf("finance: marshal %s %v: text of about %d bytes, longer than %d: %w", shortDecimal(a.val), a.cur, n, maxAmountLen, ErrRange)
	}
	return nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseAmount].
func (a *Amount) UnmarshalText(text []byte) error {
	v, err := ParseAmount(string(text))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// amountJSON is the JSON shape of an Amount.
type amountJSON struct {
	Amount   string   `json:"amount"`
	Currency Currency `json:"currency"`
}

// MarshalJSON implements [json.Marshaler]. An Amount is an object with the
// exact number as a string, in plain decimal notation with at least the
// currency's minor units, and the ISO code:
//
//	{"amount":"1200000000000.00","currency":"RUB"}
//
// The zero Amount is {"amount":"0","currency":""}. The number is a string so
// that no JSON reader turns it into a float.
func (a Amount) MarshalJSON() ([]byte, error) {
	if err := a.checkMarshal(); err != nil {
		return nil, err
	}
	s := a.val.String()
	if a.cur != 0 {
		s = a.val.StringFixed(a.scale())
	}
	return json.Marshal(amountJSON{Amount: s, Currency: a.cur})
}

// UnmarshalJSON implements [json.Unmarshaler] for the shape written by
// [Amount.MarshalJSON]. The amount must be a string holding a plain decimal
// number (a bare JSON number is also accepted and read exactly); the
// currency must be in the ISO 4217 list, or empty only for a zero amount.
// JSON null leaves a unchanged.
func (a *Amount) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	var raw struct {
		Amount   json.RawMessage `json:"amount"`
		Currency Currency        `json:"currency"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return &nested{prefix: "finance: unmarshal amount", err: err}
	}
	text, v, err := jsonNumber(raw.Amount)
	if err != nil {
		return fmt.Errorf("finance: unmarshal amount: %v: %w", err, ErrSyntax)
	}
	if raw.Currency == 0 && !v.IsZero() {
		return fmt.Errorf("finance: unmarshal amount %.40q: no currency: %w", text, ErrUnknownCurrency)
	}
	*a = Amount{val: v, cur: raw.Currency}
	return nil
}

// jsonNumber reads raw, a JSON string holding a plain decimal number with an
// optional leading '-' (no exponent, at most 4096 bytes) or a bare JSON
// number, exactly. It returns the number's text for error messages.
func jsonNumber(raw json.RawMessage) (string, decimal.Decimal, error) {
	text := string(raw)
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		text = s
	}
	if len(text) > maxAmountLen {
		return "", decimal.Decimal{}, fmt.Errorf("number %.40q...: longer than %d bytes", text, maxAmountLen)
	}
	v, err := parseNumber(strings.TrimPrefix(text, "-"))
	if err != nil {
		return text, decimal.Decimal{}, fmt.Errorf("number %.40q is not a plain decimal", text)
	}
	if strings.HasPrefix(text, "-") {
		v = v.Neg()
	}
	return text, v, nil
}

// Value implements [driver.Valuer]: an Amount is stored as the text of
// [Amount.String], such as "1200000000000.00 RUB", in a text column. The
// zero Amount is stored as SQL NULL, which [Amount.Scan] reads back as the
// zero Amount; any other amount without a currency is an error.
func (a Amount) Value() (driver.Value, error) {
	if a.cur == 0 && a.val.IsZero() {
		return nil, nil
	}
	b, err := a.MarshalText()
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// Scan implements [database/sql.Scanner] for the text written by
// [Amount.Value] (or anything [ParseAmount] reads), from a string or
// []byte. SQL NULL scans as the zero Amount.
func (a *Amount) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*a = Amount{}
		return nil
	case string:
		return a.UnmarshalText([]byte(v))
	case []byte:
		return a.UnmarshalText(v)
	}
	return fmt.Errorf("finance: scan amount from %T: want a string: %w", src, ErrSyntax)
}

// rateJSON is the JSON shape of a Rate.
type rateJSON struct {
	Base   Currency        `json:"base"`
	Quote  Currency        `json:"quote"`
	Value  json.RawMessage `json:"value"`
	Date   string          `json:"date"`
	Basis  string          `json:"basis,omitempty"`
	Source exodus.Source   `json:"source,omitzero"`
	Chain  []rateJSON      `json:"chain,omitempty"`
}

// MarshalJSON implements [json.Marshaler]. A quoted rate is an object with
// its currencies, its exact value as a string (so that no JSON reader turns
// it into a float), its date, its [Basis] and its source, which is left out
// when it is the zero Source:
//
//	{"base":"USD","quote":"RUB","value":"86.9288","date":"2022-02-25",
//	 "basis":"official","source":{"publisher":"Central Bank of Russia",…}}
//
// A computed rate (an inverse or a cross rate) has no source of its own; it
// adds "chain", the quoted rates of [Rate.Chain] in the same shape, and its
// "value" is [Rate.Decimal], rounded half to even to 16 decimal places, for
// readers; its "date" and "basis" are those of its oldest and weakest leg:
//
//	{"base":"RUB","quote":"USD","value":"0.0115036673691573","date":"2022-02-25",
//	 "basis":"official","chain":[{"base":"USD","quote":"RUB","value":"86.9288",…}]}
//
// The rate of exactly 1 between a currency and itself that [Rates.Find]
// returns has no source and no chain. The zero Rate is JSON null.
func (r Rate) MarshalJSON() ([]byte, error) {
	if r.base == 0 {
		return []byte("null"), nil
	}
	return json.Marshal(r.toJSON())
}

func (r Rate) toJSON() rateJSON {
	j := rateJSON{
		Base:   r.base,
		Quote:  r.quote,
		Value:  json.RawMessage(`"` + r.Decimal().String() + `"`),
		Date:   dayString(r.on),
		Basis:  r.basis.String(),
		Source: r.src,
	}
	for _, q := range r.chain {
		j.Chain = append(j.Chain, q.toJSON())
	}
	return j
}

// UnmarshalJSON implements [json.Unmarshaler] for the shape written by
// [Rate.MarshalJSON], and reads back every rate it writes as an equal rate
// ([Rate.Equal]). The value may also be a bare JSON number, read exactly;
// it must be a plain decimal (no exponent) of at most 4096 characters.
// Fields other than those of the shape are an error.
//
// A quoted rate is checked as by [NewRate] and must have a "basis". A
// computed rate is rebuilt from
// its chain, exactly as [Rate.Inverse] and [Rates.Find] build it: a chain
// of one quoted rate of the opposite pair is an inverse; a chain of two
// quoted rates that meet in a common currency is a cross rate (or, leading
// from the quote to the base, the inverse of one). Its "value" and "date"
// must then be those of the rebuilt rate, so must its "basis" if given,
// and it must have no source.
//
// Every error wraps [ErrInvalidRate] and leaves r unchanged. JSON null
// leaves r unchanged.
func (r *Rate) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	var j rateJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return &nested{prefix: "finance: unmarshal rate", err: err, kind: ErrInvalidRate}
	}
	v, err := j.rate(true)
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// rate rebuilds the Rate j describes; a chain is allowed only at the top.
func (j rateJSON) rate(top bool) (Rate, error) {
	bad := func(format string, args ...any) (Rate, error) {
		return Rate{}, fmt.Errorf("finance: unmarshal rate %v/%v: "+format+": %w", append([]any{j.Base, j.Quote}, append(args, ErrInvalidRate)...)...)
	}
	if j.Base == 0 || j.Quote == 0 {
		return bad("no base or quote currency")
	}
	if len(j.Value) == 0 {
		return bad("no value")
	}
	_, v, err := jsonNumber(j.Value)
	if err != nil {
		return bad("%v", err)
	}
	on, err := time.Parse(time.DateOnly, j.Date)
	if err != nil {
		return bad("date %.40q is not YYYY-MM-DD", j.Date)
	}
	switch {
	case j.Base == j.Quote:
		if !top || j.Chain != nil || !j.Base.known() || !v.Equal(one) || !j.Source.IsZero() || (j.Basis != "" && j.Basis != "official") || !validDay(on) {
			return bad("value %s on %s between a currency and itself: only 1, official, dated, with no source or chain and not in a chain, is a rate", v, j.Date)
		}
		return Rate{base: j.Base, quote: j.Quote, num: one, den: one, on: on, basis: Official}, nil
	case j.Chain == nil:
		b, err := ParseBasis(j.Basis)
		if err != nil {
			return bad("basis %.40q: want official, reported or derived", j.Basis)
		}
		return NewRate(j.Base, j.Quote, v, on, b, j.Source)
	case !top:
		return bad("a rate in a chain must be quoted, with no chain of its own")
	case !j.Source.IsZero():
		return bad("a computed rate has no source of its own (its chain has the sources)")
	case len(j.Chain) != 1 && len(j.Chain) != 2:
		return bad("chain of %d rates, want 1 (an inverse) or 2 (a cross rate)", len(j.Chain))
	}
	legs := make([]Rate, len(j.Chain))
	for i, c := range j.Chain {
		if legs[i], err = c.rate(false); err != nil {
			return Rate{}, err
		}
	}
	var d Rate
	var ok bool
	if len(legs) == 1 {
		d, ok = legs[0].Inverse(), legs[0].base == j.Quote && legs[0].quote == j.Base
	} else if d, ok = crossFrom(j.Base, j.Quote, legs[0], legs[1]); !ok {
		if d, ok = crossFrom(j.Quote, j.Base, legs[0], legs[1]); ok {
			d = d.Inverse()
		}
	}
	switch {
	case !ok:
		return bad("chain %v does not lead from %v to %v", legs, j.Base, j.Quote)
	case !d.on.Equal(on):
		return bad("date %s, but the chain gives %s", j.Date, dayString(d.on))
	case !d.Decimal().Equal(v):
		return bad("value %s, but the chain gives %s", v, d.Decimal())
	case j.Basis != "" && j.Basis != d.basis.String():
		return bad("basis %.40q, but the chain gives %v", j.Basis, d.basis)
	}
	return d, nil
}

// crossFrom returns the cross rate from→to of the quoted rates a and b, a
// leading from from to a common currency and b from it to to, each used as
// quoted or inverted; ok is false if they do not.
func crossFrom(from, to Currency, a, b Rate) (r Rate, ok bool) {
	a, ok = orient(a, from)
	if !ok {
		return Rate{}, false
	}
	b, ok = orient(b, a.quote)
	if !ok || b.quote != to {
		return Rate{}, false
	}
	return cross(a, b), true
}

// orient returns q or its inverse, whichever has base from.
func orient(q Rate, from Currency) (Rate, bool) {
	switch from {
	case q.base:
		return q, true
	case q.quote:
		return q.Inverse(), true
	}
	return Rate{}, false
}

// nested wraps err, which may come from this package, under a further
// context, saying "finance:" once ("finance: unmarshal amount: parse
// currency …", not "…: finance: parse currency …"), and also wraps kind
// when it is not nil.
type nested struct {
	prefix    string // "finance: unmarshal rate"
	err, kind error
}

func (e *nested) Error() string {
	s := e.prefix + ": " + strings.TrimPrefix(e.err.Error(), "finance: ")
	if e.kind != nil {
		s += ": " + e.kind.Error()
	}
	return s
}

func (e *nested) Unwrap() []error {
	if e.kind == nil {
		return []error{e.err}
	}
	return []error{e.err, e.kind}
}
