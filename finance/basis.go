package finance

import (
	"fmt"
	"strconv"
)

// A Basis says how a rate is known: published by the issuing authority
// ([Official]), known from a secondary record of an official rate
// ([Reported]), or computed by us ([Derived]). Every [Rate] carries one.
//
// The order of the constants is the order of trust: [Official] is the
// strongest, [Derived] the weakest. A rate computed by a table, an inverse or
// a cross rate, is only as good as its weakest leg: its Basis is the weakest
// of its [Rate.Chain] ([Basis.Weaker]). The zero Basis, [UnknownBasis], is no
// basis: [NewRate] refuses it.
//
// A Basis is a small comparable value; it marshals to JSON and text as its
// name ("official").
type Basis uint8

const (
	// UnknownBasis is the zero Basis: how the rate is known is not said.
	// No rate of a table has it.
	UnknownBasis Basis = iota
	// Official: the issuing authority's own file, as published, such as the
	// Central Bank of Russia's XML_daily response or an export from its
	// website, or the ECB's eurofxref file ([ParseCBR], [ParseECB]).
	Official
	// Reported: an official rate known only from a secondary record, such as
	// a news report quoting it, a third party's copy of the authority's
	// service, or a test fixture built from a real response. The Source's
	// Note says what the record is and how sure the value is (how many
	// independent records agree).
	Reported
	// Derived: computed by us rather than published by anyone as a rate,
	// such as the rate implied by a published conversion (1.2 trillion
	// roubles "approximately $15bn" implies 80 RUB/USD). The Source's Note
	// says how it was computed.
	Derived
)

var basisNames = [...]string{UnknownBasis: "unknown", Official: "official", Reported: "reported", Derived: "derived"}

// String returns "official", "reported", "derived", "unknown" for the zero
// Basis, and "Basis(N)" for any other value; it never panics.
func (b Basis) String() string {
	if int(b) < len(basisNames) {
		return basisNames[b]
	}
	return "Basis(" + strconv.Itoa(int(b)) + ")"
}

// Valid reports whether b is [Official], [Reported] or [Derived].
func (b Basis) Valid() bool { return b >= Official && b <= Derived }

// Weaker returns the less trustworthy of b and c: [Derived] before
// [Reported] before [Official]. An invalid Basis is weaker than any valid
// one.
func (b Basis) Weaker(c Basis) Basis {
	switch {
	case !b.Valid():
		return b
	case !c.Valid():
		return c
	}
	return max(b, c)
}

// ParseBasis returns the Basis named s: "official", "reported" or
// "derived". Any other text gives an error wrapping [ErrSyntax].
func ParseBasis(s string) (Basis, error) {
	for b := Official; b <= Derived; b++ {
		if s == basisNames[b] {
			return b, nil
		}
	}
	return UnknownBasis, fmt.Errorf("finance: parse basis %.40q: want official, reported or derived: %w", s, ErrSyntax)
}

// MarshalText implements [encoding.TextMarshaler] with [Basis.String]. An
// invalid Basis (the zero Basis included) is an error.
func (b Basis) MarshalText() ([]byte, error) {
	if !b.Valid() {
		return nil, fmt.Errorf("finance: marshal basis %v: want official, reported or derived: %w", b, ErrSyntax)
	}
	return []byte(b.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseBasis].
func (b *Basis) UnmarshalText(text []byte) error {
	v, err := ParseBasis(string(text))
	if err != nil {
		return err
	}
	*b = v
	return nil
}
