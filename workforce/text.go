package workforce

import "fmt"

// marshalCode returns the code of a valid value, and an error wrapping
// [ErrUnknownCode] for an invalid one, whose String would not parse back.
func marshalCode(kind string, valid bool, s fmt.Stringer) ([]byte, error) {
	if !valid {
		return nil, fmt.Errorf("workforce: marshal %s: invalid value %v: %w", kind, s, ErrUnknownCode)
	}
	return []byte(s.String()), nil
}

// MarshalText implements [encoding.TextMarshaler]: the section letter, as
// [Sector.String] prints it, so a Sector is a JSON string ("J") and can key
// a JSON object. An invalid Sector is an error wrapping [ErrUnknownCode].
func (s Sector) MarshalText() ([]byte, error) { return marshalCode("sector", s.Valid(), s) }

// UnmarshalText implements [encoding.TextUnmarshaler], parsing text as
// [ParseSector] does; on error s is unchanged.
func (s *Sector) UnmarshalText(text []byte) error {
	v, err := ParseSector(string(text))
	if err == nil {
		*s = v
	}
	return err
}

// MarshalText implements [encoding.TextMarshaler]: the ISCO-08 code "0" to
// "9", as [Occupation.String] prints it. An invalid Occupation is an error
// wrapping [ErrUnknownCode].
func (o Occupation) MarshalText() ([]byte, error) {
	return marshalCode("occupation", o.Valid(), o)
}

// UnmarshalText implements [encoding.TextUnmarshaler], parsing text as
// [ParseOccupation] does; on error o is unchanged.
func (o *Occupation) UnmarshalText(text []byte) error {
	v, err := ParseOccupation(string(text))
	if err == nil {
		*o = v
	}
	return err
}

// MarshalText implements [encoding.TextMarshaler]: "1" to "4", as
// [SkillLevel.String] prints it (a JSON string, not a number). An invalid
// SkillLevel is an error wrapping [ErrUnknownCode].
func (k SkillLevel) MarshalText() ([]byte, error) {
	return marshalCode("skill level", k.Valid(), k)
}

// UnmarshalText implements [encoding.TextUnmarshaler], parsing text as
// [ParseSkillLevel] does; on error k is unchanged.
func (k *SkillLevel) UnmarshalText(text []byte) error {
	v, err := ParseSkillLevel(string(text))
	if err == nil {
		*k = v
	}
	return err
}

// MarshalText implements [encoding.TextMarshaler]: "low", "medium" or
// "high", as [Band.String] prints it. An invalid Band is an error wrapping
// [ErrUnknownCode].
func (b Band) MarshalText() ([]byte, error) { return marshalCode("band", b.Valid(), b) }

// UnmarshalText implements [encoding.TextUnmarshaler], parsing text as
// [ParseBand] does; on error b is unchanged.
func (b *Band) UnmarshalText(text []byte) error {
	v, err := ParseBand(string(text))
	if err == nil {
		*b = v
	}
	return err
}
