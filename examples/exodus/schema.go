package main

import (
	"bytes"
	"encoding/json"
	"math"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/workforce"
)

// The report, as -format json writes it. The schema is "exodus-report/1":
// fields may be added in later versions of the same schema, but none is
// removed, renamed or changes meaning without a new schema name. Numbers of
// people are persons; shares are fractions (0.015 is 1.5%); intervals are
// central 90% intervals; money is exact decimal text ("15000000000.00 USD")
// with a headline form beside it ("$15bn"); dates are YYYY-MM-DD. A figure
// cites its sources by their id in "sources".
type report struct {
	Schema     string      `json:"schema"`
	Settings   settings    `json:"settings"`
	Sources    []sourceRef `json:"sources"`
	Emigrants  emigrants   `json:"emigrants"`
	Headcounts headcounts  `json:"headcounts"`
	Money      money       `json:"money"`
}

const schemaName = "exodus-report/1"

// settings are what produced the report.
type settings struct {
	Seed       uint64  `json:"seed"`
	Draws      int     `json:"draws"`
	Level      float64 `json:"level"`
	Date       string  `json:"date"`        // the day of the official rates
	PoolMethod string  `json:"pool_method"` // how the sources were pooled
	Rates      string  `json:"rates"`       // "embedded" or the -rates file
	Workforce  string  `json:"workforce"`   // "embedded" or the -workforce file
}

// sourceRef is a numbered source; figures cite it by ID.
type sourceRef struct {
	ID int `json:"id"`
	exodus.Source
}

// A figure is an uncertain number of people with its 90% interval.
type figure struct {
	Name       string  `json:"name"`
	Claim      string  `json:"claim,omitempty"` // the source's own words
	Median     float64 `json:"median"`
	Lo         float64 `json:"lo"`
	Hi         float64 `json:"hi"`
	Text       string  `json:"text"`              // as printed: "780k (90%: 600k–1.0M)"
	Reading    string  `json:"reading,omitempty"` // how the source's words became a distribution
	Pooled     bool    `json:"pooled"`            // whether it entered the pool
	Note       string  `json:"note,omitempty"`    // why not, or anything else to know
	SourceRefs []int   `json:"sources,omitempty"` // ids in report.Sources
	Method     string  `json:"method,omitempty"`  // for pooled figures
	Weight     float64 `json:"weight,omitempty"`  // its weight in the pool
}

// emigrants is section 2: how many left.
type emigrants struct {
	Estimates    []figure   `json:"estimates"`    // each source's estimate
	Pooled       figure     `json:"pooled"`       // the headline pooled estimate
	Alternatives []figure   `json:"alternatives"` // the same sources, pooled by the other methods
	Agreement    agreement  `json:"agreement"`
	CrossCheck   crossCheck `json:"cross_check"`
}

// agreement says whether the pooled sources disagree (log space).
type agreement struct {
	Q        number   `json:"q"`        // Cochran's Q; null when it cannot be measured
	DF       int      `json:"df"`       // its degrees of freedom
	P        number   `json:"p"`        // P(χ²_DF ≥ Q); null likewise
	I2       number   `json:"i2"`       // Higgins–Thompson I²; null likewise
	Disjoint [][2]int `json:"disjoint"` // pairs of estimates (indexes into estimates) whose 90% intervals do not overlap
	Verdict  string   `json:"verdict"`
}

// crossCheck turns "1.5% of the workforce" into people.
type crossCheck struct {
	Share    figure  `json:"share"`        // the share, as a fraction
	Base     float64 `json:"base"`         // the labour force, persons
	BaseRefs []int   `json:"base_sources"` // its sources
	People   figure  `json:"people"`
}

// headcounts is section 3: who left.
type headcounts struct {
	Basis       string       `json:"basis"` // what the total is
	Total       int64        `json:"total"` // adds up exactly from the cells
	Lo          float64      `json:"lo"`
	Hi          float64      `json:"hi"`
	Assumptions []assumption `json:"assumptions"`
	Comparisons []assumption `json:"comparisons"` // published figures to check the table against
	Skills      []skillRow   `json:"skill_levels"`
	Sectors     []sectorRow  `json:"sectors"`
	Notes       []string     `json:"notes"` // provenance of each step

	table *workforce.Headcount // the library's result, for -format csv
}

// assumption is a stated composition assumption and its sources.
type assumption struct {
	Text       string `json:"text"`
	SourceRefs []int  `json:"sources,omitempty"`
}

// The headcount rows use the names of the workforce package's headcount
// table schema (sector, sector_title, skill_level, count, lo, hi,
// sector_workforce, share_of_sector_workforce); lo and hi are whole people
// that enclose count (workforce.Headcount.CellRange).
type skillRow struct {
	Level workforce.SkillLevel `json:"skill_level"` // ILO skill level "1"–"4"
	Count int64                `json:"count"`
	Lo    float64              `json:"lo"`
	Hi    float64              `json:"hi"`
}

type sectorRow struct {
	Code      string  `json:"sector"` // ISIC Rev.4 / OKVED2 section letter
	Title     string  `json:"sector_title"`
	Count     int64   `json:"count"`
	Lo        float64 `json:"lo"`
	Hi        float64 `json:"hi"`
	Workforce float64 `json:"sector_workforce"`          // employed in the sector, persons
	Share     number  `json:"share_of_sector_workforce"` // Count / Workforce; null for a sector with no workforce
	ShareLo   number  `json:"share_of_sector_workforce_lo"`
	ShareHi   number  `json:"share_of_sector_workforce_hi"`
	Cells     []cell  `json:"cells"` // by skill level 1–4
}

type cell struct {
	Level workforce.SkillLevel `json:"skill_level"`
	Count int64                `json:"count"`
	Lo    float64              `json:"lo"`
	Hi    float64              `json:"hi"`
	Share number               `json:"share_of_sector_workforce"` // Count / the whole sector's workforce; null for a sector with no workforce
}

// money is section 4.
type money struct {
	Amount      string       `json:"amount"`  // exact
	Compact     string       `json:"compact"` // "₽1.2trn"
	SourceRefs  []int        `json:"sources"`
	Conversions []conversion `json:"conversions"`
	USDPath     []conversion `json:"usd_path"` // USD at every official rate around the outflow
}

// conversion is the amount in one currency at one rate.
type conversion struct {
	Currency   string `json:"currency"`
	Basis      string `json:"basis"` // "official" or "article"
	Exact      string `json:"exact,omitempty"`
	Compact    string `json:"compact,omitempty"`
	Rate       string `json:"rate,omitempty"`      // roubles per unit, as published
	RateDate   string `json:"rate_date,omitempty"` // the day the rate is dated
	Note       string `json:"note,omitempty"`
	SourceRefs []int  `json:"sources,omitempty"`
}

// A number is a float64 that is written to JSON as null when it is NaN or
// infinite (a share of a sector with no workforce, say), which JSON
// numbers cannot hold, and read back from null as NaN.
type number float64

func (n number) MarshalJSON() ([]byte, error) {
	if f := float64(n); math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(float64(n))
}

func (n *number) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*n = number(math.NaN())
		return nil
	}
	return json.Unmarshal(b, (*float64)(n))
}
