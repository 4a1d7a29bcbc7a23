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

//go:embed data/rates.json data/cbr/*.xml
var dataFS embed.FS

// manifestFile is the shape of data/rates.json.
type manifestFile struct {
	About  string `json:"about"`
	Groups []struct {
		File   string        `json:"file"`
		Source exodus.Source `json:"source"`
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

var manifest = sync.OnceValue(func() *manifestFile {
	var m manifestFile
	dec := json.NewDecoder(bytes.NewReader(mustReadData("rates.json")))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		panic("finance: embedded data/rates.json: " + err.Error()) // tested; cannot happen
	}
	return &m
})

// loadDefaultRates reads every embedded rate with its source.
func loadDefaultRates() ([]Rate, error) {
	var out []Rate
	for _, g := range manifest().Groups {
		if err := g.Source.Validate(); err != nil {
			return nil, err
		}
		if g.File != "" {
			rates, err := ParseCBR(bytes.NewReader(mustReadData(g.File)))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", g.File, err)
			}
			for _, r := range rates {
				r.src = g.Source // the curated citation replaces the generic one
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
			r, err := newRate(q.Base, q.Quote, value, on, g.Source)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
	}
	return out, nil
}

var defaultRates = sync.OnceValue(func() []Rate {
	rates, err := loadDefaultRates()
	if err != nil {
		panic("finance: embedded default rates: " + err.Error()) // tested; cannot happen
	}
	return rates
})

// DefaultRates returns a new table of the exchange rates embedded in the
// package, each with its source. Each call returns a separate table, so a
// caller may [Rates.Add] to it freely. All rates are roubles per unit of a
// foreign currency (Base the foreign currency, Quote RUB); other pairs are
// found by inversion or crossed through RUB.
//
// Central Bank of Russia official rates, every currency of a complete
// XML_daily file: 04.02.2022, 15.03.2022, 23.07.2022 (34 currencies each)
// and 09.11.2024 (43 currencies).
//
// Central Bank of Russia official rates known only for some currencies,
// from the sources named on each rate: USD on 25.02.2022, 26.02.2022,
// 01.03.2022, 02.03.2022, 10.03.2022, 11.03.2022, 29.12.2022, 30.12.2022 and
// 31.12.2022; USD, EUR and CNY on 25.10.2022, 27.12.2022, 07.02.2023 and
// 01.03.2023. Some of these come from news reports or from test fixtures of
// public repositories rather than from cbr.ru itself; each Source's Note
// says which. No CBR rate dated 24.02.2022, and none for May–June 2023, was
// found: none is embedded.
//
// Rates implied by the article's own conversion, under a separate source
// whose Note says they are not official: 80 RUB per USD and 100 RUB per GBP
// (so 1.25 USD per GBP), dated 01.06.2023 because they match CBR and ECB
// rates of late May to early June 2023. The article's text follows BBC
// News, "Why are people leaving Russia, who are they, and where are they
// going?", published 4 June 2023 (BBC id world-europe-65790759), which the
// Note cites; the article's own publisher and URL are not known, so that
// Source has neither.
//
// Because the article's rates are the newest USD and GBP quotes before
// 09.11.2024, a USD or GBP conversion for any day from 01.06.2023 to
// 08.11.2024 uses them (their Source says so); pass [FindOptions.MaxAge] or
// add official rates for those days to avoid that.
//
// Between these dates a query returns the latest rate on or before the day:
// USD on 24.02.2022 is the 04.02.2022 rate, GBP on 30.12.2022 is the
// 23.07.2022 rate (the news-reported dates in between carry only USD, EUR,
// CNY), and any day from 09.11.2024 on gets the 09.11.2024 file, however
// late. Use [Rates.FindWith] with [FindOptions.MaxAge] to refuse stale rates.
// A day before 04.02.2022 has no rate.
//
// Adding the CBR's own file for a day these rates already cover (say
// XML_dynamic for USD around 25.02.2022) gives [ErrDuplicateRate] even where
// the values agree, since the sources differ; [Rates.Replace] adds it
// with the official file's citation replacing the embedded one.
func DefaultRates() *Rates {
	t := new(Rates)
	if err := t.Add(defaultRates()...); err != nil {
		panic("finance: embedded default rates: " + err.Error()) // tested; cannot happen
	}
	return t
}
