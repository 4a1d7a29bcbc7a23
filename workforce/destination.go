package workforce

import (
	"fmt"
	"strconv"
	"strings"
)

// A Destination is a country Russian emigrants went to, identified by its
// ISO 3166-1 alpha-2 code, or [OtherDestinations], the explicit rest. The
// list holds the countries for which destinations.md (the project's
// reference) records a figure: the eleven of The Bell's table and the
// others named by host-country statistics. A code outside it, such as
// "RU" or "IN", is not; see [ParseDestination].
//
// The zero Destination is invalid: [Destination.Valid] reports false and
// [Destination.String] prints "Destination(0)". Use the named constants or
// [ParseDestination].
type Destination uint8

// The destinations, in the order of The Bell's table (July 2024) for the
// first eleven, then the other countries the sources name, then
// [OtherDestinations].
const (
	Armenia      Destination = iota + 1 // AM
	Kazakhstan                          // KZ
	Israel                              // IL
	Georgia                             // GE
	UnitedStates                        // US
	Germany                             // DE
	Serbia                              // RS
	Turkey                              // TR
	SouthKorea                          // KR
	Latvia                              // LV
	Spain                               // ES
	Kyrgyzstan                          // KG
	UAE                                 // AE
	Montenegro                          // ME
	Finland                             // FI
	Cyprus                              // CY
	Uzbekistan                          // UZ
	Thailand                            // TH
	Mongolia                            // MN
	Argentina                           // AR
	Azerbaijan                          // AZ
	Poland                              // PL
	Lithuania                           // LT
	Estonia                             // EE
	France                              // FR
	// OtherDestinations is every country not named, and emigrants whose
	// country is unknown: code "ZZ", which ISO 3166-1 leaves to users and
	// CLDR uses for an unknown region.
	OtherDestinations // ZZ
)

// NumDestinations is the number of valid Destinations, OtherDestinations
// included.
const NumDestinations = 26

// How the CBR daily file (XML_daily.asp) lists a currency.
const (
	cbrAlways = iota // in the samples of 15 Mar 2022 and 9 Nov 2024
	cbr2023          // added in January 2023
	cbrNever         // in neither sample
)

// destInfo: ISO 3166-1 code, English short name (ISO 3166-1, except
// "Turkey", the name the sources use, for ISO's "Türkiye"), Russian name
// (ОКСМ short name), ISO 4217 currency, and the CBR listing (destinations.md
// §A.2: CBR samples of 15.03.2022 and 09.11.2024; SteelOrbis, 20 Jan 2023,
// for the nine currencies added in January 2023).
var destInfo = [NumDestinations + 1]struct {
	code, en, ru, cur string
	cbr               int
}{
	{},
	{"AM", "Armenia", "Армения", "AMD", cbrAlways},
	{"KZ", "Kazakhstan", "Казахстан", "KZT", cbrAlways},
	{"IL", "Israel", "Израиль", "ILS", cbrNever},
	{"GE", "Georgia", "Грузия", "GEL", cbr2023},
	{"US", "United States", "Соединённые Штаты", "USD", cbrAlways},
	{"DE", "Germany", "Германия", "EUR", cbrAlways},
	{"RS", "Serbia", "Сербия", "RSD", cbr2023},
	{"TR", "Turkey", "Турция", "TRY", cbrAlways},
	{"KR", "South Korea", "Республика Корея", "KRW", cbrAlways},
	{"LV", "Latvia", "Латвия", "EUR", cbrAlways},
	{"ES", "Spain", "Испания", "EUR", cbrAlways},
	{"KG", "Kyrgyzstan", "Киргизия", "KGS", cbrAlways},
	{"AE", "United Arab Emirates", "Объединённые Арабские Эмираты", "AED", cbr2023},
	{"ME", "Montenegro", "Черногория", "EUR", cbrAlways},
	{"FI", "Finland", "Финляндия", "EUR", cbrAlways},
	{"CY", "Cyprus", "Кипр", "EUR", cbrAlways},
	{"UZ", "Uzbekistan", "Узбекистан", "UZS", cbrAlways},
	{"TH", "Thailand", "Таиланд", "THB", cbr2023},
	{"MN", "Mongolia", "Монголия", "MNT", cbrNever},
	{"AR", "Argentina", "Аргентина", "ARS", cbrNever},
	{"AZ", "Azerbaijan", "Азербайджан", "AZN", cbrAlways},
	{"PL", "Poland", "Польша", "PLN", cbrAlways},
	{"LT", "Lithuania", "Литва", "EUR", cbrAlways},
	{"EE", "Estonia", "Эстония", "EUR", cbrAlways},
	{"FR", "France", "Франция", "EUR", cbrAlways},
	{"ZZ", "Other countries", "Другие страны", "", cbrNever},
}

// Destinations returns every Destination, [OtherDestinations] last, in a
// new slice.
func Destinations() []Destination {
	d := make([]Destination, NumDestinations)
	for i := range d {
		d[i] = Destination(i + 1)
	}
	return d
}

// ParseDestination parses an ISO 3166-1 alpha-2 code, in either case, with
// surrounding spaces ignored: "AM", "ge", " TR ", or "ZZ" for
// [OtherDestinations]. A code that is not one of [Destinations] (an
// unknown or unlisted country, such as "XK" or "RU") is an error wrapping
// [ErrUnknownCode] that names it.
func ParseDestination(s string) (Destination, error) {
	t := strings.TrimSpace(s)
	if len(t) == 2 {
		u := strings.ToUpper(t)
		for d := Armenia; d <= OtherDestinations; d++ {
			if destInfo[d].code == u {
				return d, nil
			}
		}
	}
	return 0, fmt.Errorf("workforce: parse destination %q: not an ISO 3166-1 alpha-2 code of a listed destination: %w", s, ErrUnknownCode)
}

// MustParseDestination is like [ParseDestination] but panics on error; it
// is meant for literals in tests and examples.
func MustParseDestination(s string) Destination {
	d, err := ParseDestination(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Valid reports whether d is one of [Destinations].
func (d Destination) Valid() bool { return d >= Armenia && d <= OtherDestinations }

// String returns the ISO 3166-1 alpha-2 code, such as "AM", "ZZ" for
// [OtherDestinations], or "Destination(n)" for an invalid value.
func (d Destination) String() string {
	if !d.Valid() {
		return "Destination(" + strconv.Itoa(int(d)) + ")"
	}
	return destInfo[d].code
}

// Name returns the English short name, such as "Armenia", or "" for an
// invalid Destination.
func (d Destination) Name() string {
	if !d.Valid() {
		return ""
	}
	return destInfo[d].en
}

// NameRU returns the Russian short name, such as "Армения", or "" for an
// invalid Destination.
func (d Destination) NameRU() string {
	if !d.Valid() {
		return ""
	}
	return destInfo[d].ru
}

// Currency returns the ISO 4217 code of the country's currency, such as
// "AMD" or "EUR" (Montenegro uses the euro without being in the euro
// area), a code finance.ParseCurrency reads; "" for [OtherDestinations] and
// an invalid Destination. See [Destination.CBRListed] for whether the Bank
// of Russia publishes a rouble rate for it.
func (d Destination) Currency() string {
	if !d.Valid() {
		return ""
	}
	return destInfo[d].cur
}

// CBRListed reports whether the Bank of Russia's daily file (XML_daily.asp)
// lists d's currency, and since when:
//
//   - ok with since "": listed at every date from 2022 on (in both samples
//     read, 15 Mar 2022 and 9 Nov 2024): AMD, KZT, TRY, KGS, UZS, USD, EUR,
//     KRW, PLN, AZN.
//   - ok with since "2023-01": added in January 2023 (SteelOrbis, 20 Jan
//     2023, reporting the CBR's addition of nine currencies; the exact
//     first rate date was not found): GEL, RSD, AED, THB. A rouble rate at a
//     2022 date needs a cross rate, such as through USD.
//   - not ok: never listed, so every conversion needs a cross rate: ILS,
//     MNT, ARS; also [OtherDestinations] (no currency) and an invalid
//     Destination.
//
// Source: destinations.md §A.2, from CBR XML_daily responses of 15.03.2022
// and 09.11.2024 (https://www.cbr.ru/scripts/XML_daily.asp).
func (d Destination) CBRListed() (since string, ok bool) {
	if !d.Valid() {
		return "", false
	}
	switch destInfo[d].cbr {
	case cbrAlways:
		return "", true
	case cbr2023:
		return "2023-01", true
	}
	return "", false
}

// MarshalText implements [encoding.TextMarshaler]: the ISO code, as
// [Destination.String] prints it, so a Destination is a JSON string ("AM")
// and can key a JSON object. An invalid Destination is an error wrapping
// [ErrUnknownCode].
func (d Destination) MarshalText() ([]byte, error) {
	return marshalCode("destination", d.Valid(), d)
}

// UnmarshalText implements [encoding.TextUnmarshaler], parsing text as
// [ParseDestination] does; on error d is unchanged.
func (d *Destination) UnmarshalText(text []byte) error {
	v, err := ParseDestination(string(text))
	if err == nil {
		*d = v
	}
	return err
}
