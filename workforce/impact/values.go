package impact

import (
	"fmt"
	"maps"
	"math"
	"strconv"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/workforce"
)

// A Basis says what a departing person's labour income is taken to be.
// The zero Basis means [WageBasis] wherever a Basis is an option.
type Basis int

const (
	// WageBasis is Rosstat's average monthly wage of employees of
	// organisations in the person's section × 12 ([Wages]). It covers
	// employees of organisations only; applied to all the employed it
	// overstates the national-accounts wage bill (D11) by about a third
	// (34% in 2019; 1.5–2.6× in A, F, G, H and I, where many workers are
	// self-employed or informal; only 55% of D11 in O). S, T and U have no
	// wage and are not valued.
	WageBasis Basis = iota + 1
	// CompensationBasis is compensation of employees (D1, wages plus
	// employers' social contributions) per employed person from the
	// national accounts: the section's D1 in the 2019 supply and use table
	// divided by its 2019 Rosstat employment, grown to the chosen year
	// with the section's average wage (for S, which has none, the
	// all-activity average wage). For 2019 it is D1 / employment. It adds
	// up to the national accounts' compensation of 2019, but spreads
	// employees' compensation over all the employed, the self-employed
	// too. T is not valued (no employment figure) and U has no D1.
	CompensationBasis
)

// String returns "wages" or "compensation".
func (b Basis) String() string {
	switch b {
	case WageBasis:
		return "wages"
	case CompensationBasis:
		return "compensation"
	}
	return "Basis(" + strconv.Itoa(int(b)) + ")"
}

// Values are what one person's work is worth in each sector for one year,
// the denominators for shares, and the multipliers: the inputs that
// [Assess] multiplies headcounts by. [DefaultValues] builds them from the
// embedded data; a caller may build their own (the maps are read, never
// kept or modified, by Assess).
//
// A sector absent from a map is not valued on that measure: its loss is
// missing (NaN), never zero, and the totals leave it out and say so.
type Values struct {
	// Year is the year the roubles are of (current prices).
	Year int
	// Basis says what Labour is.
	Basis Basis
	// Labour is the annual labour income of one person, in roubles.
	Labour map[workforce.Sector]float64
	// GVA is gross value added per employed person in a year, in roubles.
	GVA map[workforce.Sector]float64
	// Multiplier is the type I value-added multiplier of each sector
	// ([Multipliers].ValueAddedTypeI): economy-wide value added per rouble
	// of value added lost directly.
	Multiplier map[workforce.Sector]float64
	// GDP and TotalGVA are the economy's GDP and gross value added in
	// Year, in roubles, the denominators of [Impact.ShareOfGDP] and
	// [Impact.ShareOfGVA]; 0 means unknown (shares are NaN).
	GDP, TotalGVA float64
	// Sources are the sources of the figures.
	Sources []exodus.Source
	// Notes say how the values were made, one line each.
	Notes []string

	embedded bool // made by DefaultValues: the data caveats apply
}

// clone returns a deep copy of v, so that Assess keeps nothing of the
// caller's.
func (v *Values) clone() *Values {
	c := *v
	c.Labour, c.GVA, c.Multiplier = maps.Clone(v.Labour), maps.Clone(v.GVA), maps.Clone(v.Multiplier)
	c.Sources = append([]exodus.Source(nil), v.Sources...)
	c.Notes = append([]string(nil), v.Notes...)
	return &c
}

func (v *Values) validate() error {
	for _, m := range []struct {
		name string
		m    map[workforce.Sector]float64
	}{{"labour income", v.Labour}, {"GVA per person", v.GVA}, {"multiplier", v.Multiplier}} {
		for s, x := range m.m {
			if !s.Valid() {
				return fmt.Errorf("impact: values: %s for sector %d: %w", m.name, int(s), ErrBadValue)
			}
			if !finite(x) || x < 0 {
				return fmt.Errorf("impact: values: %s of %s is %g: %w", m.name, s, x, ErrBadValue)
			}
		}
	}
	for _, d := range []struct {
		name string
		x    float64
	}{{"GDP", v.GDP}, {"total GVA", v.TotalGVA}} {
		if !finite(d.x) || d.x < 0 {
			return fmt.Errorf("impact: values: %s is %g: %w", d.name, d.x, ErrBadValue)
		}
	}
	return nil
}

// wageIndex returns the growth of section s's average wage from 2019 to
// year, or of the all-activity average for a section without a wage (S).
func wageIndex(s workforce.Sector, year int) float64 {
	w, err1 := MonthlyWage(s, year)
	w19, err2 := MonthlyWage(s, SUTYear)
	if err1 != nil || err2 != nil {
		t := Wages()
		j, _ := t.ColIndex(strconv.Itoa(year))
		j19, _ := t.ColIndex(strconv.Itoa(SUTYear))
		return t.At(0, j) / t.At(0, j19) // row "total"
	}
	return w / w19
}

// DefaultValues returns the values of one person's work in year
// (2019–2024, the years with Rosstat employment) on basis (0 means
// [WageBasis]) from the embedded data, with value-added multipliers from
// the 2019 supply and use table under technology t (0 means
// [DefaultTechnology]):
//
//   - Labour: see [WageBasis] and [CompensationBasis].
//   - GVA: the section's GVA in year divided by Rosstat's employment
//     ([workforce.RosstatEmployment]); for L, the GVA of L 68 only
//     ([MarketRealEstateGVA]), as the imputed rent of owner-occupied
//     dwellings (60–66% of L in 2019–2025) employs no one. T (no employment figure)
//     and U (no GVA) are absent. B's GVA per worker (15.8 million roubles
//     in 2022) is mostly resource rent: Notes flag it.
//   - Multiplier: the type I value-added multiplier of the 2019 table,
//     A–T (T's is 1). The coefficients are 2019's; applied to another
//     year's roubles they assume the 2019 input structure.
//
// Errors wrap [ErrNoData] (a year outside 2019–2024) or [ErrBadValue]
// (an unknown basis or technology).
func DefaultValues(year int, basis Basis, t Technology) (*Values, error) {
	if basis == 0 {
		basis = WageBasis
	}
	if t == 0 {
		t = DefaultTechnology
	}
	if basis != WageBasis && basis != CompensationBasis {
		return nil, fmt.Errorf("impact: default values: basis %d is unknown: %w", int(basis), ErrBadValue)
	}
	if !t.Valid() {
		return nil, fmt.Errorf("impact: default values: technology %d is unknown: %w", int(t), ErrBadValue)
	}
	emp := workforce.RosstatEmployment()
	col, ok := emp.ColIndex(strconv.Itoa(year))
	if !ok || year < FirstYear || year > LastYear {
		return nil, fmt.Errorf("impact: default values for %d: %w (years with wages, GVA and employment: %d–2024)", year, ErrNoData, FirstYear)
	}
	gdp, _ := GDP(year) // the year is covered
	gva, _ := TotalGVA(year)
	v := &Values{
		Year: year, Basis: basis,
		Labour: map[workforce.Sector]float64{}, GVA: map[workforce.Sector]float64{}, Multiplier: map[workforce.Sector]float64{},
		GDP: gdp * 1e9, TotalGVA: gva * 1e9, embedded: true,
		Sources: []exodus.Source{GVASource(), workforce.RosstatSource(), SUTSource()},
	}
	if basis == WageBasis {
		v.Sources = append([]exodus.Source{WagesSource()}, v.Sources...)
	}
	ind := SUT2019Industries()
	col19, _ := emp.ColIndex(strconv.Itoa(SUTYear))
	for _, s := range workforce.Sectors() {
		i, ok := emp.RowIndex(s.String())
		if !ok { // T and U: no employment
			continue
		}
		persons := emp.At(i, col) * 1e3
		g, _ := SectorGVA(s, year) // A–S are all published
		if s == workforce.RealEstate {
			g, _ = MarketRealEstateGVA(year)
		}
		v.GVA[s] = g * 1e9 / persons
		switch basis {
		case WageBasis:
			if w, err := MonthlyWage(s, year); err == nil {
				v.Labour[s] = 12 * w
			}
		case CompensationBasis:
			d1, _ := ind.Get(s.String(), "D1")
			e19 := emp.At(i, col19) * 1e3
			v.Labour[s] = d1 * 1e9 / e19 * wageIndex(s, year)
		}
	}
	m, err := SUT2019().Multipliers(t)
	if err != nil {
		return nil, err // cannot happen: the tests run it
	}
	for k, l := range SUT2019().Labels() {
		s, err := workforce.ParseSector(l)
		if err != nil {
			return nil, err
		}
		if x := m.ValueAddedTypeI[k]; !math.IsNaN(x) {
			v.Multiplier[s] = x
		}
	}
	switch basis {
	case WageBasis:
		v.Notes = append(v.Notes, fmt.Sprintf("labour income: Rosstat average monthly wage of employees of organisations × 12, %d; S, T and U have no wage and are not valued; applied to all the employed it overstates national-accounts wages by about a third (2019: 34%%)", year))
	case CompensationBasis:
		v.Notes = append(v.Notes, fmt.Sprintf("labour income: compensation of employees (D1) per employed person in 2019 (supply and use table / Rosstat employment), grown to %d with the section's average wage (S: the all-activity average); T is not valued (no employment), U has no D1", year))
	}
	v.Notes = append(v.Notes,
		fmt.Sprintf("GVA per employed person: Rosstat GVA %d / Rosstat employment %d; L uses L 68 (without the imputed rent of owner-occupied dwellings); B (mining) is mostly resource rent; T and U are not valued", year, year),
		fmt.Sprintf("multipliers: type I value-added multipliers of the 2019 supply and use table (domestic flows), %s", t),
	)
	return v, nil
}
