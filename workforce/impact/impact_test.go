package impact_test

import (
	"context"
	"errors"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
	"github.com/exodus-lab/exodus/workforce/impact"
	"github.com/google/go-cmp/cmp"
)

var ctx = context.Background()

func point(v float64) estimate.Estimate { return estimate.Must(estimate.Point(v)) }

// twoSector returns a headcount of 300 people from a two-sector workforce,
// C (1000 people) and J (1000), 40% from C and 60% from J: 120 and 180.
func twoSector(t testing.TB) *workforce.Headcount {
	t.Helper()
	wf := workforce.MustNewTable([]string{"C", "J"}, []string{"1", "2", "3", "4"}, [][]float64{{100, 200, 300, 400}, {0, 500, 0, 500}})
	h, err := workforce.NewHeadcount(ctx, workforce.Scenario{
		Total:      point(300),
		Workforce:  wf,
		Sectors:    estimate.Must(estimate.FixedShares([]float64{0.4, 0.6})),
		MonteCarlo: estimate.Options{Draws: 1000},
	})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func twoValues() *impact.Values {
	return &impact.Values{
		Year: 2022, Basis: impact.WageBasis,
		Labour:     map[workforce.Sector]float64{workforce.Manufacturing: 600_000, workforce.Information: 1_200_000},
		GVA:        map[workforce.Sector]float64{workforce.Manufacturing: 2_000_000, workforce.Information: 2_500_000},
		Multiplier: map[workforce.Sector]float64{workforce.Manufacturing: 2, workforce.Information: 1.5},
		GDP:        1e10, TotalGVA: 9e9,
	}
}

func near(t *testing.T, what string, got, want, rel float64) {
	t.Helper()
	if math.Abs(got-want) > rel*math.Abs(want) {
		t.Errorf("%s = %.10g, want %.10g", what, got, want)
	}
}

func nearFig(t *testing.T, what string, got impact.Figure, want float64) {
	t.Helper()
	near(t, what+" point", got.Point, want, 1e-12)
	near(t, what+" lo", got.Lo, want, 1e-12)
	near(t, what+" hi", got.Hi, want, 1e-12)
}

// TestTwoSectorByHand: 120 people leave C and 180 leave J; 10% keep
// working for Russian employers, so 108 and 162 are lost.
func TestTwoSectorByHand(t *testing.T) {
	h := twoSector(t)
	im, err := impact.Assess(ctx, h, impact.Options{Values: twoValues(), Remote: point(0.1)})
	if err != nil {
		t.Fatal(err)
	}
	c, ok := im.Sector(workforce.Manufacturing)
	j, _ := im.Sector(workforce.Information)
	if !ok {
		t.Fatal("no C")
	}
	tot := im.Total()
	for _, w := range []struct {
		what string
		got  impact.Figure
		want float64
	}{
		{"C people", c.People, 120}, {"J people", j.People, 180}, {"total people", tot.People, 300},
		{"C remote", c.Remote, 12}, {"J remote", j.Remote, 18}, {"total remote", tot.Remote, 30},
		{"C wage", c.WageBill, 108 * 600_000},   // hand: 6.48e7
		{"J wage", j.WageBill, 162 * 1_200_000}, // hand: 1.944e8
		{"total wage", tot.WageBill, 2.592e8},
		{"C VA", c.ValueAdded, 108 * 2_000_000},   // 2.16e8
		{"J VA", j.ValueAdded, 162 * 2_500_000},   // 4.05e8
		{"total VA", tot.ValueAdded, 6.21e8},      // hand: 2.16e8 + 4.05e8
		{"C economy-wide", c.EconomyWide, 4.32e8}, // hand: 2.16e8 × 2
		{"J economy-wide", j.EconomyWide, 6.075e8},
		{"total economy-wide", tot.EconomyWide, 1.0395e9},
		{"VA share of GDP", im.ShareOfGDP(tot.ValueAdded), 0.0621}, // hand: 6.21e8 / 1e10
		{"VA share of GVA", im.ShareOfGVA(tot.ValueAdded), 0.069},  // hand: 6.21e8 / 9e9
	} {
		nearFig(t, w.what, w.got, w.want)
	}
	if c.LabourPerPerson != 600_000 || j.GVAPerPerson != 2_500_000 || j.Multiplier != 1.5 {
		t.Errorf("per person: %+v %+v", c, j)
	}
	if im.Year() != 2022 || im.Basis() != impact.WageBasis || im.Draws() != 1000 || im.Level() != 0.9 || im.GDP() != 1e10 || im.GVA() != 9e9 {
		t.Errorf("metadata %d %v %d %v %v %v", im.Year(), im.Basis(), im.Draws(), im.Level(), im.GDP(), im.GVA())
	}
	if got := len(im.Sectors()); got != 2 {
		t.Errorf("%d sectors", got)
	}
	if _, ok := im.Sector(workforce.Mining); ok {
		t.Error("B found")
	}
	// Without economy-wide effects their figures are missing.
	im2, err := impact.Assess(ctx, h, impact.Options{Values: twoValues(), Remote: point(0.1), NoEconomyWide: true})
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := im2.Sector(workforce.Information); !s.EconomyWide.Missing() || !im2.Total().EconomyWide.Missing() || !math.IsNaN(s.Multiplier) {
		t.Errorf("NoEconomyWide: %+v, %+v", s, im2.Total())
	}
	if nearFig(t, "VA without multipliers", im2.Total().ValueAdded, 6.21e8); !strings.Contains(strings.Join(im2.Notes(), "\n"), "not computed") {
		t.Errorf("notes %q", im2.Notes())
	}
}

// TestMissingValues: a sector without a value is missing, not zero, and
// the totals leave it out and say so.
func TestMissingValues(t *testing.T) {
	v := twoValues()
	delete(v.Labour, workforce.Information)
	delete(v.Multiplier, workforce.Manufacturing)
	im, err := impact.Assess(ctx, twoSector(t), impact.Options{Values: v, Remote: point(0)})
	if err != nil {
		t.Fatal(err)
	}
	j, _ := im.Sector(workforce.Information)
	c, _ := im.Sector(workforce.Manufacturing)
	if !j.WageBill.Missing() || !math.IsNaN(j.LabourPerPerson) || !strings.Contains(j.Flag, "wage bill not valued") {
		t.Errorf("J: %+v", j)
	}
	if !c.EconomyWide.Missing() {
		t.Errorf("C economy-wide %v", c.EconomyWide)
	}
	nearFig(t, "total wage", im.Total().WageBill, 120*600_000)              // hand: C only
	nearFig(t, "total economy-wide", im.Total().EconomyWide, 180*2.5e6*1.5) // J only
	notes := strings.Join(im.Notes(), "\n")
	for _, want := range []string{"wage bill: 180 people", "economy-wide effect: 120 people"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	// Unknown GDP: shares are missing.
	v = twoValues()
	v.GDP = 0
	im, _ = impact.Assess(ctx, twoSector(t), impact.Options{Values: v})
	if !im.ShareOfGDP(im.Total().ValueAdded).Missing() {
		t.Error("share of unknown GDP")
	}
}

// TestDefaultValues checks per-person values against the published cells.
func TestDefaultValues(t *testing.T) {
	v, err := impact.DefaultValues(2022, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	// hand, wages-gva-io.md T-W, T-G and employment.md T1 (2022):
	near(t, "J wage", v.Labour[workforce.Information], 121262.4*12, 1e-15)
	near(t, "J GVA per person", v.GVA[workforce.Information], 4130.3e9/1636.6e3, 1e-14)
	near(t, "L GVA per person (L 68)", v.GVA[workforce.RealEstate], 5152.3e9/1879.0e3, 1e-14) // wages-gva-io.md §4: 2,742 thousand
	near(t, "B GVA per person", v.GVA[workforce.Mining], 18968.6e9/1198.1e3, 1e-14)           // §4: 15,832 thousand
	near(t, "GDP", v.GDP, 157001.4e9, 1e-15)
	for _, s := range []workforce.Sector{workforce.OtherServices, workforce.Households, workforce.Extraterritorial} {
		if _, ok := v.Labour[s]; ok {
			t.Errorf("wage of %s present", s)
		}
	}
	for _, s := range []workforce.Sector{workforce.Households, workforce.Extraterritorial} {
		if _, ok := v.GVA[s]; ok {
			t.Errorf("GVA of %s present", s)
		}
	}
	if _, ok := v.Multiplier[workforce.Extraterritorial]; ok || v.Multiplier[workforce.Households] != 1 {
		t.Errorf("multipliers T %v, U present %v", v.Multiplier[workforce.Households], ok)
	}
	// Compensation basis, 2019: D1 / employment (hand: SUT D1 of J 1,346.7 bn
	// / Rosstat 1,488.7 thousand employed), as the GVA table and the SUT
	// agree on B1g for 2019.
	c, err := impact.DefaultValues(2019, impact.CompensationBasis, impact.IndustryTechnology)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "J compensation 2019", c.Labour[workforce.Information], 1346.7e9/1488.7e3, 1e-12)
	// Sum of the compensation bill over A–S equals D1 of A–S (each sector:
	// D1/B1g × B1g / emp × emp).
	var bill, d1 float64
	emp := workforce.RosstatEmployment()
	ind := impact.SUT2019Industries()
	for _, s := range workforce.Sectors()[:19] {
		e, _ := emp.Get(s.String(), "2019")
		bill += c.Labour[s] * e * 1e3
		x, _ := ind.Get(s.String(), "D1")
		d1 += x * 1e9
	}
	near(t, "compensation bill 2019", bill, d1, 1e-12)

	// 2022: grown with the section's wage (hand: T-W J 121,262.4 / 75,898.2),
	// and for S with the all-activity average (65,338.3 / 47,866.8).
	c22, err := impact.DefaultValues(2022, impact.CompensationBasis, 0)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "J compensation 2022", c22.Labour[workforce.Information], 1346.7e9/1488.7e3*121262.4/75898.2, 1e-12)
	eS, _ := emp.Get("S", "2019")
	near(t, "S compensation 2022", c22.Labour[workforce.OtherServices], 285.7e9/(eS*1e3)*65338.3/47866.8, 1e-12)
	if _, ok := c22.Labour[workforce.Households]; ok {
		t.Error("T valued")
	}

	for _, bad := range []struct {
		year int
		b    impact.Basis
		tech impact.Technology
		want error
	}{
		{2018, 0, 0, impact.ErrNoData}, {2025, 0, 0, impact.ErrNoData}, {2022, 3, 0, impact.ErrBadValue}, {2022, 0, 3, impact.ErrBadValue},
	} {
		if _, err := impact.DefaultValues(bad.year, bad.b, bad.tech); !errors.Is(err, bad.want) {
			t.Errorf("DefaultValues(%d, %d, %d): %v", bad.year, bad.b, bad.tech, err)
		}
	}
}

func defaultHeadcount(t testing.TB, draws int) *workforce.Headcount {
	t.Helper()
	h, err := workforce.NewHeadcount(ctx, workforce.Scenario{
		Total:       estimate.Must(estimate.Between(650_000, 900_000)),
		SectorFocus: map[workforce.Sector]estimate.Estimate{workforce.Information: estimate.Must(estimate.ShareBetween(0.27, 0.45))},
		MonteCarlo:  estimate.Options{Draws: draws, Seed: 7},
	})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestSameDraws: with no remote work, a sector's value added at risk is
// its headcount times a constant in every draw, so its interval is the
// headcount's interval times that constant (quantiles are linear in the
// sample), and the total's interval comes from the per-draw sums.
func TestSameDraws(t *testing.T) {
	h := defaultHeadcount(t, 5000)
	im, err := impact.Assess(ctx, h, impact.Options{Remote: point(0)})
	if err != nil {
		t.Fatal(err)
	}
	gva := 4130.3e9 / 1636.6e3 // hand: J 2022
	j, _ := im.Sector(workforce.Information)
	lo, hi := h.BySector(workforce.Information).Interval()
	near(t, "J VA lo", j.ValueAdded.Lo, lo*gva, 1e-12)
	near(t, "J VA hi", j.ValueAdded.Hi, hi*gva, 1e-12)
	near(t, "J VA point", j.ValueAdded.Point, float64(h.BySector(workforce.Information).N)*gva, 1e-12)
	// Independent: the total's draws are Σ_s n_s(draw)·gva_s, computed here
	// from the headcount's samples.
	v, _ := impact.DefaultValues(2022, 0, 0)
	sum := make([]float64, h.Draws())
	for _, s := range h.Sectors() {
		g, ok := v.GVA[s]
		if !ok {
			continue
		}
		for k, n := range h.BySector(s).Samples() {
			sum[k] += n * g
		}
	}
	m := estimate.NewModel()
	r, err := m.Run(ctx, 1, func(d *estimate.Draw, out []float64) { out[0] = sum[d.Index()] }, estimate.Options{Draws: h.Draws()})
	if err != nil {
		t.Fatal(err)
	}
	wlo, whi := r.Output(0).Interval(0.9)
	near(t, "total VA lo", im.Total().ValueAdded.Lo, wlo, 1e-12)
	near(t, "total VA hi", im.Total().ValueAdded.Hi, whi, 1e-12)
	// The total's interval is narrower than the sum of the sectors' (the
	// sector shares are negatively correlated through SectorFocus).
	var sumHi float64
	for _, s := range im.Sectors() {
		if !s.ValueAdded.Missing() {
			sumHi += s.ValueAdded.Hi
		}
	}
	if im.Total().ValueAdded.Hi >= sumHi {
		t.Errorf("total hi %v ≥ sum of sector his %v", im.Total().ValueAdded.Hi, sumHi)
	}
	// The people interval is the headcount's.
	tlo, thi := h.Total().Interval()
	if p := im.Total().People; p.Lo != tlo || p.Hi != thi || p.Point != float64(h.Total().N) {
		t.Errorf("people %v, headcount %v–%v", p, tlo, thi)
	}
}

// TestRemoteUncertainty: with a point headcount, the wage bill's interval
// comes from the remote share alone: its lower end is n·(1 − r₉₅)·w.
func TestRemoteUncertainty(t *testing.T) {
	h, err := workforce.NewHeadcount(ctx, workforce.Scenario{Total: point(100_000), MonteCarlo: estimate.Options{Draws: 20_000}})
	if err != nil {
		t.Fatal(err)
	}
	r := impact.DefaultRemoteShare()
	im, err := impact.Assess(ctx, h, impact.Options{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := im.Sector(workforce.Manufacturing)
	n := h.BySector(workforce.Manufacturing).Summary().Mean() // the unrounded count, the same in every draw
	w := 12 * 60438.7                                         // T-W: C 2022
	// Monte Carlo noise of a 5% quantile from 20,000 draws: well under 1%.
	near(t, "C wage lo", c.WageBill.Lo, n*(1-r.Quantile(0.95))*w, 0.01)
	near(t, "C wage hi", c.WageBill.Hi, n*(1-r.Quantile(0.05))*w, 0.01)
	near(t, "C wage point", c.WageBill.Point, float64(h.BySector(workforce.Manufacturing).N)*(1-r.Median())*w, 1e-12)
	near(t, "C remote point", c.Remote.Point, float64(h.BySector(workforce.Manufacturing).N)*r.Median(), 1e-12)

	// A sector override (the ministry's 80% for IT) changes J only.
	im2, err := impact.Assess(ctx, h, impact.Options{Seed: 3, RemoteBySector: map[workforce.Sector]estimate.Estimate{workforce.Information: point(0.8)}})
	if err != nil {
		t.Fatal(err)
	}
	j, _ := im2.Sector(workforce.Information)
	near(t, "J wage with 80% remote", j.WageBill.Point, float64(h.BySector(workforce.Information).N)*0.2*12*121262.4, 1e-12)
	c2, _ := im2.Sector(workforce.Manufacturing)
	if c2.WageBill != c.WageBill {
		t.Errorf("C changed: %v vs %v", c2.WageBill, c.WageBill)
	}
	if notes := strings.Join(im2.Notes(), "\n"); !strings.Contains(notes, "remote work in J: 80%") {
		t.Errorf("notes:\n%s", notes)
	}
	// Draws of a normal share outside [0, 1] are clamped: with a median of
	// 0.5 and SD 10, about half the draws are 0 and half 1.
	wide := estimate.Must(estimate.Normal(0.5, 10))
	im3, err := impact.Assess(ctx, h, impact.Options{Remote: wide})
	if err != nil {
		t.Fatal(err)
	}
	if c3, _ := im3.Sector(workforce.Manufacturing); c3.WageBill.Lo != 0 || math.Abs(c3.WageBill.Hi-n*w) > 1e-6*n*w {
		t.Errorf("clamped: %v, want 0–%v", c3.WageBill, n*w)
	}
}

// TestValueFactor: a point factor scales every value figure; an uncertain
// one widens the intervals around the scaled point.
func TestValueFactor(t *testing.T) {
	h := twoSector(t)
	im, err := impact.Assess(ctx, h, impact.Options{Values: twoValues(), Remote: point(0.1), ValueFactor: point(0.75)})
	if err != nil {
		t.Fatal(err)
	}
	nearFig(t, "total wage × 0.75", im.Total().WageBill, 0.75*2.592e8) // hand
	nearFig(t, "total economy-wide × 0.75", im.Total().EconomyWide, 0.75*1.0395e9)
	nearFig(t, "remote unscaled", im.Total().Remote, 30)
	f := estimate.Must(estimate.Between(0.66, 1))
	im, err = impact.Assess(ctx, h, impact.Options{Values: twoValues(), Remote: point(0.1), ValueFactor: f})
	if err != nil {
		t.Fatal(err)
	}
	w := im.Total().WageBill
	near(t, "point at the median factor", w.Point, f.Median()*2.592e8, 1e-12)
	// hand: the factor's 5% and 95% quantiles, 0.66 and 1, times 2.592e8,
	// up to the Monte Carlo noise of 1000 draws.
	near(t, "lo", w.Lo, 0.66*2.592e8, 0.02)
	near(t, "hi", w.Hi, 1*2.592e8, 0.02)
	if !strings.Contains(strings.Join(im.Notes(), "\n"), "common factor of 0.812") {
		t.Errorf("notes %q", im.Notes())
	}
	if _, err := impact.Assess(ctx, h, impact.Options{Values: twoValues(), ValueFactor: point(-1)}); !errors.Is(err, impact.ErrBadValue) {
		t.Errorf("negative factor: %v", err)
	}
}

func TestDefaultImpact(t *testing.T) {
	h := defaultHeadcount(t, 2000)
	for _, b := range []impact.Basis{impact.WageBasis, impact.CompensationBasis} {
		im, err := impact.Assess(ctx, h, impact.Options{Basis: b, Year: 2022})
		if err != nil {
			t.Fatal(err)
		}
		tot := im.Total()
		// Point ≤ sum of parts, intervals ordered, economy-wide ≥ direct
		// (type I multipliers ≥ 1).
		for _, f := range []impact.Figure{tot.WageBill, tot.ValueAdded, tot.EconomyWide, tot.Remote} {
			if !(f.Lo <= f.Hi) || f.Lo <= 0 {
				t.Errorf("%v: bad interval %v", b, f)
			}
		}
		if tot.EconomyWide.Point < tot.ValueAdded.Point {
			t.Errorf("economy-wide %v < direct %v", tot.EconomyWide, tot.ValueAdded)
		}
		var sum float64
		for _, s := range im.Sectors() {
			if !s.ValueAdded.Missing() {
				sum += s.ValueAdded.Point
			}
		}
		near(t, "total VA = Σ sectors", tot.ValueAdded.Point, sum, 1e-12)
		b2, _ := im.Sector(workforce.Mining)
		l, _ := im.Sector(workforce.RealEstate)
		if !strings.Contains(b2.Flag, "resource rent") || !strings.Contains(l.Flag, "L 68") {
			t.Errorf("flags B %q, L %q", b2.Flag, l.Flag)
		}
		s, _ := im.Sector(workforce.OtherServices)
		if s.WageBill.Missing() != (b == impact.WageBasis) {
			t.Errorf("%v: S wage %v", b, s.WageBill)
		}
		u, _ := im.Sector(workforce.Extraterritorial)
		if !u.ValueAdded.Missing() || !strings.Contains(u.Flag, "not valued") {
			t.Errorf("U: %+v", u)
		}
		if o, _ := im.Sector(workforce.PublicAdmin); strings.Contains(o.Flag, "55%") != (b == impact.WageBasis) {
			t.Errorf("%v: O flag %q", b, o.Flag)
		}
		m := im.Method()
		for _, want := range []string{"demand-driven approximation", "2022", "Model D", "left out of the totals"} {
			if !strings.Contains(m, want) {
				t.Errorf("Method lacks %q", want)
			}
		}
		if len(im.Sources()) < 5 || im.Technology() != impact.FixedProductSales {
			t.Errorf("sources %d, technology %v", len(im.Sources()), im.Technology())
		}
	}
}

func TestAssessReproducible(t *testing.T) {
	h := defaultHeadcount(t, 3000)
	var wg sync.WaitGroup
	res := make([]*impact.Impact, 3)
	for k := range res {
		wg.Go(func() {
			im, err := impact.Assess(ctx, h, impact.Options{Seed: 11, Workers: k + 1})
			if err != nil {
				t.Error(err)
			}
			res[k] = im
		})
	}
	wg.Wait()
	opt := cmp.Comparer(func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) })
	for k := 1; k < len(res); k++ {
		if diff := cmp.Diff(res[0].Sectors(), res[k].Sectors(), opt); diff != "" {
			t.Errorf("workers %d differ:\n%s", k+1, diff)
		}
	}
}

func TestAssessErrors(t *testing.T) {
	h := twoSector(t)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	badVals := func(f func(v *impact.Values)) *impact.Values { v := twoValues(); f(v); return v }
	cases := []struct {
		name string
		h    *workforce.Headcount
		opt  impact.Options
		want error
	}{
		{"nil headcount", nil, impact.Options{}, impact.ErrBadValue},
		{"zero headcount", &workforce.Headcount{}, impact.Options{}, impact.ErrBadValue},
		{"remote above 1", h, impact.Options{Remote: point(1.5)}, impact.ErrBadValue},
		{"remote override zero", h, impact.Options{RemoteBySector: map[workforce.Sector]estimate.Estimate{workforce.Information: {}}}, impact.ErrBadValue},
		{"remote override absent sector", h, impact.Options{RemoteBySector: map[workforce.Sector]estimate.Estimate{workforce.Mining: point(0.1)}}, impact.ErrBadValue},
		{"year", h, impact.Options{Year: 2018}, impact.ErrNoData},
		{"basis", h, impact.Options{Basis: 7}, impact.ErrBadValue},
		{"technology", h, impact.Options{Technology: 7}, impact.ErrBadValue},
		{"negative labour", h, impact.Options{Values: badVals(func(v *impact.Values) { v.Labour[workforce.Information] = -1 })}, impact.ErrBadValue},
		{"NaN GVA", h, impact.Options{Values: badVals(func(v *impact.Values) { v.GVA[workforce.Information] = math.NaN() })}, impact.ErrBadValue},
		{"bad sector", h, impact.Options{Values: badVals(func(v *impact.Values) { v.Multiplier[0] = 1 })}, impact.ErrBadValue},
		{"Inf GDP", h, impact.Options{Values: badVals(func(v *impact.Values) { v.GDP = math.Inf(1) })}, impact.ErrBadValue},
		{"cancelled", h, impact.Options{Values: twoValues()}, context.Canceled},
	}
	for _, c := range cases {
		cx := ctx
		if c.name == "cancelled" {
			cx = cancelled
		}
		if _, err := impact.Assess(cx, c.h, c.opt); !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
	}
	// Assess keeps nothing of the caller's Values.
	v := twoValues()
	im, err := impact.Assess(ctx, h, impact.Options{Values: v, Remote: point(0)})
	if err != nil {
		t.Fatal(err)
	}
	v.GDP = 1
	if im.GDP() != 1e10 {
		t.Error("Values aliased")
	}
}

func TestNilImpact(t *testing.T) {
	var im *impact.Impact
	if im.Sectors() != nil || im.Year() != 0 || im.Basis() != 0 || im.Draws() != 0 || im.Level() != 0 || im.GDP() != 0 || im.GVA() != 0 ||
		im.Sources() != nil || im.Notes() != nil || im.Technology() != 0 || !im.ShareOfGDP(impact.Figure{1, 1, 1}).Missing() || im.Method() == "" {
		t.Error("nil Impact")
	}
	if _, ok := im.Sector(workforce.Information); ok {
		t.Error("nil Impact has J")
	}
	if im.Total().Sector != 0 {
		t.Error("nil total")
	}
}

func TestFigureAndStrings(t *testing.T) {
	f := impact.Figure{Point: 2, Lo: 1, Hi: 3}
	if g := f.Scale(-2); g != (impact.Figure{Point: -4, Lo: -6, Hi: -2}) {
		t.Errorf("Scale(-2) = %v", g)
	}
	if got := f.String(); got != "2 (1–3)" {
		t.Errorf("String %q", got)
	}
	if got := (impact.Figure{Point: math.NaN()}).String(); got != "n/a" {
		t.Errorf("missing String %q", got)
	}
	for b, want := range map[impact.Basis]string{impact.WageBasis: "wages", impact.CompensationBasis: "compensation", 0: "Basis(0)"} {
		if got := b.String(); got != want {
			t.Errorf("%d: %q", int(b), got)
		}
	}
	for _, c := range impact.Context() {
		if s := c.String(); !strings.Contains(s, c.Period) {
			t.Errorf("%q", s)
		}
	}
	i := impact.Indicator{Name: "x", Value: -1.5, Unit: "balance", Period: "2023"}
	if got := i.String(); got != "x: -1.5 balance (2023)" {
		t.Errorf("%q", got)
	}
}

// TestAssessStreamingHeadcount checks that a headcount from a streaming
// run, which keeps no draws to pair, is refused instead of panicking.
func TestAssessStreamingHeadcount(t *testing.T) {
	total, err := estimate.Between(600_000, 1_300_000)
	if err != nil {
		t.Fatal(err)
	}
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{Total: total, MonteCarlo: estimate.Options{Draws: 2000, Stream: true}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := impact.Assess(context.Background(), h, impact.Options{}); !errors.Is(err, impact.ErrBadValue) {
		t.Fatalf("Assess of a streaming headcount: error %v, want ErrBadValue", err)
	}
}
