package finance

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/exodus-lab/exodus"
	"github.com/shopspring/decimal"
)

//go:embed data/rates.json data/article-rates.json data/cbr/*.xml
var dataFS embed.FS

// manifestFile is the shape of data/rates.json and data/article-rates.json.
type manifestFile struct {
	About  string `json:"about"`
	Groups []struct {
		File   string        `json:"file"`
		Source exodus.Source `json:"source"`
		Basis  Basis         `json:"basis"`
		Rates  []struct {
			Date    string          `json:"date"`
			Base    Currency        `json:"base"`
			Quote   Currency        `json:"quote"`
			Value   decimal.Decimal `json:"value"`
			Nominal int64           `json:"nominal"`
		} `json:"rates"`
	} `json:"groups"`
}

func mustReadData(name string) []byte {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		panic("finance: embedded data: " + err.Error()) // tested; cannot happen
	}
	return b
}

// readManifest decodes an embedded manifest.
func readManifest(name string) (*manifestFile, error) {
	var m manifestFile
	dec := json.NewDecoder(bytes.NewReader(mustReadData(name)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &m, nil
}

// manifest is data/rates.json, whose daily files also give the CBR's
// currency IDs (see cbrIDs).
var manifest = sync.OnceValue(func() *manifestFile {
	m, err := readManifest("rates.json")
	if err != nil {
		panic("finance: embedded data: " + err.Error()) // tested; cannot happen
	}
	return m
})

// loadRates reads every rate of the embedded manifest name with its basis
// and source. derived says whether the manifest is to hold derived rates
// (article-rates.json) or none (rates.json).
func loadRates(name string, derived bool) ([]Rate, error) {
	m, err := readManifest(name)
	if err != nil {
		return nil, err
	}
	var out []Rate
	for _, g := range m.Groups {
		if err := g.Source.Validate(); err != nil {
			return nil, err
		}
		if !g.Basis.Valid() || (g.Basis == Derived) != derived {
			return nil, fmt.Errorf("%s: group %q has basis %v", name, g.Source.Title, g.Basis)
		}
		if g.File != "" {
			rates, err := ParseCBR(bytes.NewReader(mustReadData(g.File)))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", g.File, err)
			}
			for _, r := range rates {
				r.src = g.Source // the curated citation replaces the generic one
				r.basis = g.Basis
				out = append(out, r)
			}
		}
		for _, q := range g.Rates {
			on, err := time.Parse(time.DateOnly, q.Date)
			if err != nil {
				return nil, err
			}
			value := q.Value
			if q.Nominal != 0 {
				exp, ok := powerOfTen(strconv.FormatInt(q.Nominal, 10))
				if !ok {
					return nil, fmt.Errorf("%s %v/%v: nominal %d is not a power of ten", q.Date, q.Base, q.Quote, q.Nominal)
				}
				value = value.Shift(-exp)
			}
			r, err := newRate(q.Base, q.Quote, value, on, g.Basis, g.Source)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
	}
	return out, nil
}

func mustLoad(name string, derived bool) func() []Rate {
	return sync.OnceValue(func() []Rate {
		rates, err := loadRates(name, derived)
		if err != nil {
			panic("finance: embedded rates: " + err.Error()) // tested; cannot happen
		}
		return rates
	})
}

var (
	defaultRates = mustLoad("rates.json", false)
	articleRates = mustLoad("article-rates.json", true)
)

// DefaultRates returns a new table of the official exchange rates embedded
// in the package, each with its [Basis] and source. It holds no [Derived]
// rate: the rates implied by the article are in [ArticleRates]. Each call
// returns a separate table, so a caller may [Rates.Add] to it freely. All
// rates are roubles per unit of a foreign currency (Base the foreign
// currency, Quote RUB); other pairs are found by inversion or crossed
// through RUB.
//
// Central Bank of Russia official rates, every currency of a complete
// XML_daily file ([Official]): 04.02.2022, 15.03.2022, 23.07.2022 (34
// currencies each) and 09.11.2024 (43 currencies).
//
// Every CBR rate of February 2022 and of 1-2 March 2022 for USD, EUR, GBP
// and CNY, rate dates 01, 02, 03, 04, 05, 08, 09, 10, 11, 12, 15, 16, 17,
// 18, 19, 22, 23, 25 and 26.02 and 01 and 02.03.2022 (there is no rate
// dated 24.02.2022: the rate dated 23.02 was in force on 23 and 24
// February), so that every day of February has its rate in force
// ([Rates.Average]). USD and EUR are [Official]: the CBR's own Excel and
// CSV exports give them. GBP and CNY are [Reported], known from copies of
// the CBR's series: two agreeing copies on 02, 03, 11, 12, 17 and 18.02,
// one on the other dates (their Source's Note says which and what
// plausibility check they pass); on 04.02 the daily file gives them.
//
// Central Bank of Russia official rates known only for some currencies,
// from secondary records ([Reported]; each Source's Note says which): USD
// on 10.03.2022, 11.03.2022, 29.12.2022, 30.12.2022 and 31.12.2022; USD,
// EUR and CNY on 25.10.2022, 27.12.2022, 07.02.2023 and 01.03.2023. No CBR
// rate for May-June 2023 was found: none is embedded.
//
// Only from 01.02.2022 to 02.03.2022 does the table hold every rate date of
// these four currencies. Elsewhere the rate in force on a day may be
// missing, and a query then returns an older rate within the age limit:
// USD on 05.03.2022 gets the rate of 02.03.2022, though the CBR's export
// lists rates dated 03.03, 04.03 and 05.03.2022. Check [Rate.Date] or
// [Conversion.Age], or add the CBR's file for the days you need.
//
// A query returns the latest rate on or before the day, at most
// [DefaultMaxAge] days old: GBP on 30.12.2022 finds no rate (the latest is
// of 23.07.2022; the reported dates in between carry only USD, EUR, CNY),
// nor does USD on any day from 16.03.2023 to 08.11.2024. Pass
// [FindOptions.AnyAge] to accept stale rates, and show their age. A day
// before 01.02.2022 has no rate.
//
// Adding the CBR's own file for a day these rates already cover (say
// XML_dynamic for GBP in February 2022) gives [ErrDuplicateRate] even where
// the values agree, since the sources differ; [Rates.Replace] adds it with
// the official file's citation replacing the embedded one.
func DefaultRates() *Rates {
	return mustTable(defaultRates())
}

// ArticleRates returns a new table of the rates implied by the article's
// own conversion, "a record 1.2 trillion roubles (approximately £12bn /
// $15bn)": 80 RUB per USD and 100 RUB per GBP (so 1.25 USD per GBP), both
// [Derived], computed by us from the article's figures and published by no
// one as a rate. They are dated 01.06.2023 because they match CBR and ECB
// rates of late May to early June 2023; they match the calendar-day average
// CBR rates of February 2022 (77.4048 RUB/USD, 104.7895 RUB/GBP) about as
// well. The Source's Note says so and cites the BBC News piece the
// article's text follows (4 June 2023, BBC id world-europe-65790759); the
// article's own publisher and URL are not known, so the Source has
// neither.
//
// Use it only to explain the article's figure, by name, and never mixed
// with [DefaultRates].
func ArticleRates() *Rates {
	return mustTable(articleRates())
}

func mustTable(rates []Rate) *Rates {
	t := new(Rates)
	if err := t.Add(rates...); err != nil {
		panic("finance: embedded rates: " + err.Error()) // tested; cannot happen
	}
	return t
}
