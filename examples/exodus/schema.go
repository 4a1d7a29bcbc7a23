package main

import (
	"bytes"
	"encoding/json"
	"math"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/finance"
	"github.com/exodus-lab/exodus/workforce"
)

// The report, as -format json writes it. The schema is "exodus-report/1":
// fields may be added in later versions of the same schema, but none is
// removed, renamed or changes meaning without a new schema name. Numbers of
// people are persons; shares are fractions (0.015 is 1.5%); intervals are
// central 90% intervals; money is {"amount":"15000000000.00","currency":"USD"}
// as finance.Amount encodes it, with a headline form beside it ("$15bn");
// dates are YYYY-MM-DD. A figure
// cites its sources by their id in "sources".
type report struct {
	Schema       string       `json:"schema"`
	Settings     settings     `json:"settings"`
	Sources      []sourceRef  `json:"sources"`
	Summary      summary      `json:"summary"`
	Emigrants    emigrants    `json:"emigrants"`
	Headcounts   headcounts   `json:"headcounts"`
	Destinations destinations `json:"destinations"`
	Costs        costs        `json:"costs"`
	Money        money        `json:"money"`
}

const schemaName = "exodus-report/2"

// settings are what produced the report.
type settings struct {
	Seed       uint64  `json:"seed"`
	Draws      int     `json:"draws"`
	Level      float64 `json:"level"`
	Date       string  `json:"date"`        // the -date day of section 4's day conversion; "" when none
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
	Claim      string  `json:"claim,omitempty"`  // the source's own words
	Period     string  `json:"period,omitempty"` // the period the claim covers
	Counts     string  `json:"counts,omitempty"` // what the claim counts
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
	Quantity     string     `json:"quantity"`     // the one quantity the pooled estimates measure
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
	Basis       string         `json:"basis"` // what the total is
	Total       int64          `json:"total"` // adds up exactly from the cells
	Lo          float64        `json:"lo"`
	Hi          float64        `json:"hi"`
	Assumptions []assumption   `json:"assumptions"`
	Findings    []string       `json:"findings"`    // what the table shows, none an input restated
	ITMappings  []itMappingRow `json:"it_mappings"` // section J under each IT mapping
	Comparisons []assumption   `json:"comparisons"` // published figures to check the table against
	Skills      []skillRow     `json:"skill_levels"`
	Sectors     []sectorRow    `json:"sectors"`
	Notes       []string       `json:"notes"` // provenance of each step

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
// that enclose count (workforce.Count.Range).
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

// money is section 4: 1.2 trillion roubles in other currencies.
type money struct {
	Amount     finance.Amount     `json:"amount"`  // as finance.Amount encodes it
	Compact    string             `json:"compact"` // "₽1.2trn"
	What       string             `json:"what"`    // what the amount is, and its period
	SourceRefs []int              `json:"sources"`
	Period     period             `json:"period"`    // the period whose average rates convert it
	Weighting  string             `json:"weighting"` // how the average is made
	Average    []periodConversion `json:"average"`   // at the period's average official rates, one per currency
	Article    []articleReading   `json:"article"`   // the article's figures beside the readings that fit
	Day        []dayConversion    `json:"day"`       // at the rates of -date, when given; [] otherwise
}

// period is a span of days, both included.
type period struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// periodConversion is the amount at one currency's average rate over the
// period, with the lowest and highest rates in force. Without a rate on
// every day it has only currency and note.
type periodConversion struct {
	Currency   string          `json:"currency"`
	Basis      string          `json:"basis,omitempty"` // official or reported: the weakest rate averaged
	Rate       string          `json:"rate,omitempty"`  // "1 USD = 77.4048 RUB"
	Days       int             `json:"days,omitempty"`
	Amount     *finance.Amount `json:"amount,omitempty"`
	Compact    string          `json:"compact,omitempty"`
	Low        *rateAt         `json:"low,omitempty"`  // at the lowest rate in force (most foreign currency)
	High       *rateAt         `json:"high,omitempty"` // at the highest rate in force
	Note       string          `json:"note,omitempty"`
	SourceRefs []int           `json:"sources,omitempty"`
}

// rateAt is the amount at one dated rate.
type rateAt struct {
	Rate    string         `json:"rate"`
	Date    string         `json:"date"`
	Basis   string         `json:"basis"`
	Amount  finance.Amount `json:"amount"`
	Compact string         `json:"compact"`
}

// articleReading sets the article's printed figure beside what fits it.
type articleReading struct {
	Currency     string         `json:"currency"`
	Printed      string         `json:"printed"`       // "$15bn"
	AtAverage    string         `json:"at_average"`    // the amount at the period's average rate
	Difference   float64        `json:"difference"`    // (at_average − printed) / printed
	Implied      string         `json:"implied"`       // the rate the printed figure implies, derived
	ImpliedDate  string         `json:"implied_date"`  // the date that rate is given
	ImpliedBasis string         `json:"implied_basis"` // "derived"
	Amount       finance.Amount `json:"amount"`        // the amount at the implied rate
	SourceRefs   []int          `json:"sources"`
}

// dayConversion is the amount at the rate in force on one day.
type dayConversion struct {
	Currency   string          `json:"currency"`
	On         string          `json:"on"`                  // the day asked for
	Basis      string          `json:"basis,omitempty"`     // official or reported
	Rate       string          `json:"rate,omitempty"`      // "1 USD = 115.1963 RUB"
	RateDate   string          `json:"rate_date,omitempty"` // the rate's own date
	Age        int             `json:"age"`                 // days between the rate's date and the day asked for
	Amount     *finance.Amount `json:"amount,omitempty"`
	Compact    string          `json:"compact,omitempty"`
	Note       string          `json:"note,omitempty"`
	SourceRefs []int           `json:"sources,omitempty"`
}

// destinations is section 4: where they went.
type destinations struct {
	Note           string               `json:"note,omitempty"` // why there is no table, when there is none
	Assumption     string               `json:"assumption,omitempty"`
	AssumptionRefs []int                `json:"assumption_sources,omitempty"`
	Rows           []destinationRow     `json:"rows"`
	BySector       []destinationSectors `json:"by_sector"` // the largest destinations, by sector
	Context        []assumption         `json:"context"`   // moved on, returned: context, not model inputs
}

// destinationRow is one destination's people and what the sources say.
type destinationRow struct {
	Code             string      `json:"code"` // ISO 3166-1 alpha-2; ZZ for all other countries
	Name             string      `json:"name"`
	Count            int64       `json:"count"`
	Lo               float64     `json:"lo"`
	Hi               float64     `json:"hi"`
	Share            number      `json:"share"`   // of all who left
	Central          destFigure  `json:"central"` // the central figure: The Bell, July 2024
	Low              *destFigure `json:"low,omitempty"`
	High             *destFigure `json:"high,omitempty"`
	MixedDefinitions bool        `json:"mixed_definitions"` // low, central and high count different things
}

// destFigure is one sourced figure for a destination.
type destFigure struct {
	Value      float64 `json:"value"` // persons
	Period     string  `json:"period"`
	Definition string  `json:"definition"`
	SourceRefs []int   `json:"sources"`
}

// destinationSectors is one destination's people by sector.
type destinationSectors struct {
	Code    string      `json:"code"`
	Name    string      `json:"name"`
	Sectors []countCell `json:"sectors"`
}

// countCell is a count of people with its 90% interval.
type countCell struct {
	Code  string  `json:"code"`
	Count int64   `json:"count"`
	Lo    float64 `json:"lo"`
	Hi    float64 `json:"hi"`
}

// costs is section 5: what the departures cost in a year.
type costs struct {
	Note        string       `json:"note,omitempty"` // why there are no costs, when there are none
	Year        int          `json:"year,omitempty"` // the roubles are of this year, current prices
	Basis       string       `json:"basis,omitempty"`
	EconomyWide bool         `json:"economy_wide"` // whether the multiplier effect was computed
	Method      string       `json:"method,omitempty"`
	SourceRefs  []int        `json:"sources"`
	Sectors     []costRow    `json:"sectors"`
	Total       costRow      `json:"total"`
	ShareOfGDP  costShares   `json:"share_of_gdp"` // fractions of the year's GDP
	GDP         float64      `json:"gdp,omitempty"`
	USDRate     *rateAt      `json:"usd_rate,omitempty"` // the rate of the dollar figures
	USDRefs     []int        `json:"usd_sources,omitempty"`
	USDNote     string       `json:"usd_note,omitempty"`
	Notes       []string     `json:"notes"`
	Context     []assumption `json:"context"` // staff-shortage indicators: context, not model inputs
}

// costRow is one sector's cost, or the total's (no code).
type costRow struct {
	Code        string       `json:"code,omitempty"`
	Title       string       `json:"title,omitempty"`
	People      impactFigure `json:"people"`
	Remote      impactFigure `json:"remote"` // of People, kept working for Russian employers
	WageBill    impactFigure `json:"wage_bill"`
	ValueAdded  impactFigure `json:"value_added"`
	EconomyWide impactFigure `json:"economy_wide"`
	Flag        string       `json:"flag,omitempty"`
}

// costShares are the totals as fractions of GDP.
type costShares struct {
	WageBill    impactFigure `json:"wage_bill"`
	ValueAdded  impactFigure `json:"value_added"`
	EconomyWide impactFigure `json:"economy_wide"`
}

// impactFigure is a point and 90% interval in roubles of the year (or a
// fraction, or persons); null when the data are missing.
type impactFigure struct {
	Point *float64 `json:"point"`
	Lo    *float64 `json:"lo"`
	Hi    *float64 `json:"hi"`
	USD   string   `json:"usd,omitempty"` // the point in dollars, on totals
}

// itMappingRow is section J under one mapping of IT workers to sections.
type itMappingRow struct {
	Mapping string  `json:"mapping"`
	Count   int64   `json:"count"`
	Lo      float64 `json:"lo"`
	Hi      float64 `json:"hi"`
	Share   number  `json:"share_of_sector_workforce"`
}

// summary is the report in short: assumptions (inputs) and findings
// (outputs), each pointing to its section.
type summary struct {
	Assumptions []summaryLine `json:"assumptions"`
	Findings    []summaryLine `json:"findings"`
}

// summaryLine is one assumption or finding.
type summaryLine struct {
	Text       string `json:"text"`
	Section    int    `json:"section"`
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
