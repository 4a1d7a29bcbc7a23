package finance

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"
)

// MarshalText implements [encoding.TextMarshaler] with [Amount.String]. The
// zero Amount, which has no currency, cannot be marshalled as text.
func (a Amount) MarshalText() ([]byte, error) {
	if a.cur == 0 {
		return nil, fmt.Errorf("finance: marshal amount %s: no currency: %w", a.val.String(), ErrUnknownCurrency)
	}
	return []byte(a.String()), nil
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
		return fmt.Errorf("finance: unmarshal amount: %w", err)
	}
	text := string(raw.Amount)
	var s string
	if err := json.Unmarshal(raw.Amount, &s); err == nil {
		text = s
	}
	if len(text) > maxAmountLen {
		return fmt.Errorf("finance: unmarshal amount %.40q...: longer than %d bytes: %w", text, maxAmountLen, ErrSyntax)
	}
	v, err := parseNumber(strings.TrimPrefix(text, "-"))
	if err != nil {
		return fmt.Errorf("finance: unmarshal amount %q: %w", text, ErrSyntax)
	}
	if strings.HasPrefix(text, "-") {
		v = v.Neg()
	}
	if raw.Currency == 0 && !v.IsZero() {
		return fmt.Errorf("finance: unmarshal amount %q: no currency: %w", text, ErrUnknownCurrency)
	}
	*a = Amount{val: v, cur: raw.Currency}
	return nil
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
