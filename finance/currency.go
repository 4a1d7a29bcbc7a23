package finance

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/exodus-lab/exodus"
)

// ErrUnknownCurrency is wrapped by errors for codes that are not in the
// embedded ISO 4217 list.
var ErrUnknownCurrency = errors.New("unknown currency")

// A Currency is an ISO 4217 alphabetic currency code such as RUB or USD,
// packed in 16 bits (five per letter).
//
// Currencies are small comparable values: use == and use them as map keys;
// < orders them alphabetically by code.
// The zero Currency means "no currency". Values other than the predefined
// constants come from [ParseCurrency], which accepts only codes in the
// embedded ISO 4217 list (current codes and codes withdrawn since 2000).
type Currency uint16

// Predefined currencies. The list is not exhaustive: any code in the embedded
// ISO 4217 list can be obtained with [ParseCurrency].
//
// Each value packs the three letters of its code five bits apiece (A is 1,
// Z is 26), which is why go doc shows it as an expression of the letters:
// AED is 'A', 'E', 'D'. Use the names; the numbers are an implementation
// detail, except that they sort in code order.
const (
	AED Currency = 'A'&31<<10 | 'E'&31<<5 | 'D'&31 // UAE Dirham
	AMD Currency = 'A'&31<<10 | 'M'&31<<5 | 'D'&31 // Armenian Dram
	CHF Currency = 'C'&31<<10 | 'H'&31<<5 | 'F'&31 // Swiss Franc
	CNY Currency = 'C'&31<<10 | 'N'&31<<5 | 'Y'&31 // Yuan Renminbi
	EUR Currency = 'E'&31<<10 | 'U'&31<<5 | 'R'&31 // Euro
	GBP Currency = 'G'&31<<10 | 'B'&31<<5 | 'P'&31 // Pound Sterling
	GEL Currency = 'G'&31<<10 | 'E'&31<<5 | 'L'&31 // Lari
	ILS Currency = 'I'&31<<10 | 'L'&31<<5 | 'S'&31 // New Israeli Sheqel
	JPY Currency = 'J'&31<<10 | 'P'&31<<5 | 'Y'&31 // Yen
	KZT Currency = 'K'&31<<10 | 'Z'&31<<5 | 'T'&31 // Tenge
	RSD Currency = 'R'&31<<10 | 'S'&31<<5 | 'D'&31 // Serbian Dinar
	RUB Currency = 'R'&31<<10 | 'U'&31<<5 | 'B'&31 // Russian Ruble
	TRY Currency = 'T'&31<<10 | 'R'&31<<5 | 'Y'&31 // Turkish Lira
	USD Currency = 'U'&31<<10 | 'S'&31<<5 | 'D'&31 // US Dollar
)

// noMinor marks a currency for which ISO 4217 gives no minor unit.
const noMinor = -1

type currencyInfo struct {
	numeric   string
	name      string
	withdrawn string
	minor     int8
}

// isoTable is the parsed data/iso4217.tsv.
type isoTable struct {
	codes              map[Currency]currencyInfo
	current, withdrawn exodus.Source
	// minor and known index codes directly, for the conversion hot path
	// (a map lookup per conversion was a tenth of its time): minor[c] is
	// MinorUnits(c), and bit c of known is set if c is in codes.
	minor [1 << 15]int8
	known [1 << 15 / 64]uint64
}

//go:embed data/iso4217.tsv
var iso4217TSV []byte

// iso is the embedded ISO 4217 table, parsed once.
var iso = sync.OnceValue(func() *isoTable {
	t, err := parseISO4217(iso4217TSV)
	if err != nil {
		panic("finance: embedded data/iso4217.tsv: " + err.Error()) // tested; cannot happen
	}
	return t
})

func currencies() map[Currency]currencyInfo { return iso().codes }

func parseISO4217(data []byte) (*isoTable, error) {
	t := &isoTable{codes: make(map[Currency]currencyInfo, 256)}
	m := t.codes
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if rest, ok := strings.CutPrefix(text, "#@source\t"); ok {
			f := strings.Split(rest, "\t")
			if len(f) != 6 {
				return nil, fmt.Errorf("line %d: source has %d fields, want 6", line, len(f))
			}
			src := exodus.Source{Publisher: f[1], Title: f[2], URL: f[3], Date: f[4], Note: f[5]}
			switch f[0] {
			case "current":
				t.current = src
			case "withdrawn":
				t.withdrawn = src
			default:
				return nil, fmt.Errorf("line %d: unknown source kind %q", line, f[0])
			}
			continue
		}
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("line %d: %d fields, want 5", line, len(f))
		}
		c, ok := pack(f[0])
		if !ok {
			return nil, fmt.Errorf("line %d: bad code %q", line, f[0])
		}
		info := currencyInfo{numeric: f[1], withdrawn: f[3], name: f[4], minor: noMinor}
		switch f[2] {
		case "N.A.", "-":
		default:
			n, err := strconv.ParseInt(f[2], 10, 8)
			if err != nil || n < 0 || n > 9 {
				return nil, fmt.Errorf("line %d: bad minor units %q", line, f[2])
			}
			info.minor = int8(n)
		}
		if _, dup := m[c]; dup {
			return nil, fmt.Errorf("line %d: duplicate code %s", line, f[0])
		}
		m[c] = info
		t.minor[c] = max(info.minor, 0)
		t.known[c/64] |= 1 << (c % 64)
	}
	if t.current.IsZero() || t.withdrawn.IsZero() {
		return nil, errors.New("missing #@source lines")
	}
	return t, sc.Err()
}

// pack converts a three-letter upper-case code to a Currency without
// consulting the ISO table.
func pack(code string) (Currency, bool) {
	if len(code) != 3 {
		return 0, false
	}
	var c Currency
	for i := range 3 {
		b := code[i]
		if b >= 'a' && b <= 'z' {
			b -= 'a' - 'A'
		}
		if b < 'A' || b > 'Z' {
			return 0, false
		}
		c = c<<5 | Currency(b&31)
	}
	return c, true
}

// ParseCurrency returns the currency with the given ISO 4217 alphabetic code.
// It ignores case and surrounding white space. Codes outside the embedded
// ISO 4217 list (see the package documentation) give an error wrapping
// [ErrUnknownCurrency] that quotes the input.
func ParseCurrency(code string) (Currency, error) {
	c, ok := pack(strings.TrimSpace(code))
	if ok {
		if _, known := currencies()[c]; known {
			return c, nil
		}
	}
	return 0, fmt.Errorf("finance: parse currency %.40q: %w", code, ErrUnknownCurrency)
}

// MustParseCurrency is like [ParseCurrency] but panics on error. It is meant
// for literals in tests and examples.
func MustParseCurrency(code string) Currency {
	c, err := ParseCurrency(code)
	if err != nil {
		panic(err)
	}
	return c
}

// Code returns the three-letter ISO 4217 code, such as "USD", or "" for the
// zero Currency and for values that are not a code.
func (c Currency) Code() string {
	if c>>15 != 0 {
		return ""
	}
	var b [3]byte
	for i := 2; i >= 0; i-- {
		l := byte(c & 31)
		if l < 1 || l > 26 {
			return ""
		}
		b[i] = '@' + l
		c >>= 5
	}
	return string(b[:])
}

// String returns the code, or "Currency(n)" for the zero Currency and other
// values that are not a code. It never panics.
func (c Currency) String() string {
	if code := c.Code(); code != "" {
		return code
	}
	return "Currency(" + strconv.Itoa(int(c)) + ")"
}

// IsZero reports whether c is the zero Currency.
func (c Currency) IsZero() bool { return c == 0 }

// known reports whether c is in the embedded ISO 4217 list.
func (c Currency) known() bool {
	return c>>15 == 0 && iso().known[c/64]&(1<<(c%64)) != 0
}

// MinorUnits returns the ISO 4217 minor unit, the number of decimal places
// of the currency's smallest unit: 0 for JPY; 3 for BHD, IQD, JOD, KWD, LYD,
// OMR and TND; 4 for CLF and UYW; 2 for most others.
//
// ISO 4217 gives no minor unit for precious metals, the SDR (XDR) and a few
// other units, and list three gives none for withdrawn codes: for those, and
// for the zero Currency, MinorUnits returns 0 and [Amount.Round] rounds to
// whole units; use [Amount.RoundTo] to choose another precision.
func (c Currency) MinorUnits() int32 {
	if c>>15 != 0 {
		return 0
	}
	return int32(iso().minor[c])
}

// Name returns the currency's English name as ISO 4217 publishes it, such as
// "Russian Ruble", or "" if c is not in the embedded list.
func (c Currency) Name() string {
	return currencies()[c].name
}

// Numeric returns the three-digit ISO 4217 numeric code, such as "643" for
// RUB, or "" if none is known.
func (c Currency) Numeric() string {
	return currencies()[c].numeric
}

// Withdrawn returns when the code was withdrawn, as ISO 4217 list three gives
// it ("2002-03" for DEM, "2004-01" for the pre-1998 rouble RUR), or "" if
// the code is current. For SLL and ZWL, withdrawn after the embedded edition
// of list three, it returns "before 2024-06-25".
func (c Currency) Withdrawn() string {
	return currencies()[c].withdrawn
}

// Source returns where the facts about c come from: SIX Group's ISO 4217
// list one (published 2024-06-25) for a current code, list three for a
// withdrawn one, and the zero Source for a code not in the embedded list.
func (c Currency) Source() exodus.Source {
	info, ok := currencies()[c]
	switch {
	case !ok:
		return exodus.Source{}
	case info.withdrawn != "":
		return iso().withdrawn
	}
	return iso().current
}

// symbols are the signs used by [Currency.Symbol] and [Amount.Compact].
// USD owns "$" and GBP owns "£"; "¥" is not listed because JPY and CNY both
// use it.
var symbols = map[Currency]string{
	AMD: "֏",
	EUR: "€",
	GBP: "£",
	GEL: "₾",
	ILS: "₪",
	JPY: "JP¥",
	CNY: "CN¥",
	KZT: "₸",
	RUB: "₽",
	TRY: "₺",
	USD: "$",
}

// Symbol returns the currency sign used in headlines: "₽" for RUB, "$" for
// USD, "£" for GBP, "€" for EUR, "CN¥" and "JP¥" (never a bare "¥"), "₸",
// "₾", "֏", "₺", "₪". Other currencies have no symbol and Symbol returns the
// code.
func (c Currency) Symbol() string {
	if s, ok := symbols[c]; ok {
		return s
	}
	return c.Code()
}

// MarshalText implements [encoding.TextMarshaler]: the code, or "" for the
// zero Currency.
func (c Currency) MarshalText() ([]byte, error) {
	if c == 0 {
		return []byte{}, nil
	}
	if !c.known() {
		return nil, fmt.Errorf("finance: marshal %v: %w", c, ErrUnknownCurrency)
	}
	return []byte(c.Code()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseCurrency];
// empty text gives the zero Currency.
func (c *Currency) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*c = 0
		return nil
	}
	v, err := ParseCurrency(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
