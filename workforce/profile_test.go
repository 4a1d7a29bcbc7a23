package workforce_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

// equalRows is a workforce with the given sectors, 1,000,000 people in
// each cell, so that sector weights are the degree shares alone.
func equalRows(secs ...workforce.Sector) *workforce.Table {
	rows := make([]string, len(secs))
	vals := make([][]float64, len(secs))
	for i, s := range secs {
		rows[i] = s.String()
		vals[i] = []float64{1e6, 1e6, 1e6, 1e6}
	}
	return workforce.MustNewTable(rows, []string{"1", "2", "3", "4"}, vals)
}

// Issue 10, must-have §3: the default profile, checked by hand on a
// workforce of seven equal sections (J, K, M, N, P, R and A), IT at 40%
// (a point) and the scale at the median of Uniform(0, 1), 0.5.
func TestDefaultSectorProfileByHand(t *testing.T) {
	secs := []workforce.Sector{workforce.Agriculture, workforce.Information, workforce.Finance, workforce.Professional,
		workforce.Administrative, workforce.Education, workforce.Arts}
	prof := workforce.DefaultSectorProfile().WithIT(must(estimate.Point(0.4)))
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total: must(estimate.Point(1e6)), Workforce: equalRows(secs...), Profile: prof,
		MonteCarlo: estimate.Options{Draws: 200},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkAddsUp(t, h)
	// Degree shares: ILOSTAT 2022, "advanced" / total, thousand persons
	// (employment.md, T5-2022).
	d := map[workforce.Sector]float64{
		workforce.Agriculture: 592.419 / 4177.538, workforce.Information: 870.585 / 1317.664,
		workforce.Finance: 1097.794 / 1611.050, workforce.Professional: 1937.757 / 2655.225,
		workforce.Administrative: 590.336 / 1758.533, workforce.Education: 3801.570 / 6878.336,
		workforce.Arts: 702.149 / 1425.470,
	}
	var sum float64
	for _, v := range d {
		sum += v
	}
	// hand: group share = floor + 0.5·(bound − floor), floor = 0.6 ×
	// the group's share of degree-holders, or the bound if that is lower
	// (here for office work, 0.291, and media, 0.110)
	group := func(bound, deg float64) float64 { lo := min(0.6*deg/sum, bound); return lo + 0.5*(bound-lo) }
	arts := group(0.15, d[workforce.Arts])
	edu := group(0.15, d[workforce.Education])
	kmn := d[workforce.Finance] + d[workforce.Professional] + d[workforce.Administrative]
	office := group(0.15, kmn)
	media := group(0.08, d[workforce.Information])
	want := map[workforce.Sector]float64{
		workforce.Information:    0.4 + media,
		workforce.Arts:           arts,
		workforce.Education:      edu,
		workforce.Finance:        office * d[workforce.Finance] / kmn,
		workforce.Professional:   office * d[workforce.Professional] / kmn,
		workforce.Administrative: office * d[workforce.Administrative] / kmn,
		workforce.Agriculture:    1 - 0.4 - arts - edu - office - media, // the only other section: the rest
	}
	for s, w := range want {
		var got float64
		for _, k := range workforce.SkillLevels() {
			got += h.Cell(s, k).Expected
		}
		if math.Abs(got/1e6-w) > 1e-9 {
			t.Errorf("sector %v: share %.6f, want %.6f", s, got/1e6, w)
		}
	}
}

// Issue 9, must-have §6 and found §4: the IT share is an occupation share;
// its mapping is the caller's choice. Only the IT part depends on it, so
// (hand) J loses 5/6 of the IT share when it is spread evenly over six ICT
// sections of equal high-skill workforce, and C gains 1/6 of it.
func TestITMapping(t *testing.T) {
	wf := equalRows(workforce.Agriculture, workforce.Manufacturing, workforce.Trade, workforce.Information, workforce.Finance,
		workforce.Professional, workforce.Administrative, workforce.PublicAdmin, workforce.Education, workforce.Arts)
	prof := workforce.DefaultSectorProfile().WithIT(must(estimate.Point(0.4)))
	share := map[workforce.ITMapping]map[workforce.Sector]float64{}
	for _, m := range []workforce.ITMapping{workforce.ITInInformation, workforce.ITInICTSections} {
		h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
			Total: must(estimate.Point(1e6)), Workforce: wf, Profile: prof, ITMapping: m,
			MonteCarlo: estimate.Options{Draws: 100},
		})
		if err != nil {
			t.Fatalf("%v: %v", m, err)
		}
		checkAddsUp(t, h)
		share[m] = map[workforce.Sector]float64{}
		for _, s := range h.Sectors() {
			for _, k := range workforce.SkillLevels() {
				share[m][s] += h.Cell(s, k).Expected / 1e6
			}
		}
		if !slicesContainsSubstring(h.Notes(), m.String()) {
			t.Errorf("%v: notes do not name the mapping: %q", m, h.Notes())
		}
	}
	in, ict := share[workforce.ITInInformation], share[workforce.ITInICTSections]
	if d := in[workforce.Information] - ict[workforce.Information]; math.Abs(d-0.4*5/6) > 1e-9 {
		t.Errorf("J moves by %v between the mappings, want 0.4·5/6 = %v", d, 0.4*5/6)
	}
	for _, s := range []workforce.Sector{workforce.Manufacturing, workforce.Trade, workforce.Finance, workforce.Professional, workforce.PublicAdmin} {
		if d := ict[s] - in[s]; math.Abs(d-0.4/6) > 1e-9 {
			t.Errorf("%v gains %v from the ICT mapping, want 0.4/6", s, d)
		}
	}
	for _, s := range []workforce.Sector{workforce.Agriculture, workforce.Education, workforce.Arts, workforce.Administrative} {
		if math.Abs(ict[s]-in[s]) > 1e-12 {
			t.Errorf("%v moves with the IT mapping: %v vs %v", s, in[s], ict[s])
		}
	}
}

// Issue 10, must-have §3: on the default data the result differs by
// sector where the data say so: arts (R), education (P) and J lose a
// larger share of their workforce than health (Q) or trade (G), which
// only take the rest. And no draw goes above a sector's workforce.
func TestDefaultSectorProfileDiffers(t *testing.T) {
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total: must(estimate.Between(5e5, 1.3e6)), Profile: workforce.DefaultSectorProfile(),
		MonteCarlo: estimate.Options{Draws: 2000, Seed: 2},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkAddsUp(t, h)
	checkEncloses(t, h)
	for _, hi := range []workforce.Sector{workforce.Arts, workforce.Education, workforce.Information} {
		for _, lo := range []workforce.Sector{workforce.Health, workforce.Trade} {
			if !(h.BySector(hi).Share() > 2*h.BySector(lo).Share()) {
				t.Errorf("share of workforce: %v %.4f, %v %.4f; want the first above twice the second", hi, h.BySector(hi).Share(), lo, h.BySector(lo).Share())
			}
		}
	}
}

// Every part of the default profile is stated as data with its sources,
// or as an assumption, and says how it is used.
func TestDefaultSectorProfileParts(t *testing.T) {
	p := workforce.DefaultSectorProfile()
	parts := p.Parts()
	if len(parts) != 7 {
		t.Fatalf("%d parts, want 7 (IT, four survey groups, the scale, the rest)", len(parts))
	}
	for _, pt := range parts {
		if pt.Name == "" || pt.Basis == "" || pt.Share == "" {
			t.Errorf("part %+v: missing name, basis or share", pt)
		}
		if !pt.Assumption && len(pt.Sources) == 0 {
			t.Errorf("part %q is data without a source", pt.Name)
		}
		for _, s := range pt.Sources {
			if s.Publisher == "" || s.Title == "" || s.URL == "" {
				t.Errorf("part %q: source %+v lacks publisher, title or URL", pt.Name, s)
			}
		}
	}
	if parts[0].Assumption || !parts[5].Assumption || !parts[6].Assumption {
		t.Error("IT must be data; the scale and the rest assumptions")
	}
	// hand: ILOSTAT 2022, 25,045.641 / 71,973.553 for U (national share)
	if got := p.DegreeShare(workforce.Extraterritorial); math.Abs(got-25045.641/71973.553) > 1e-12 {
		t.Errorf("DegreeShare(U) = %v", got)
	}
	if got := p.DegreeShare(workforce.Information); math.Abs(got-870.585/1317.664) > 1e-12 {
		t.Errorf("DegreeShare(J) = %v", got)
	}
	if !math.IsNaN(p.DegreeShare(0)) || !(workforce.SectorProfile{}).IsZero() || p.IsZero() {
		t.Error("DegreeShare(0) or IsZero")
	}
	parts[0].Sources[0].Publisher, parts[0].Sectors[0] = "changed", workforce.Agriculture
	if q := p.Parts()[0]; q.Sources[0].Publisher == "changed" || q.Sectors[0] != workforce.Information {
		t.Error("Parts shares its slices with the profile")
	}
}

func TestProfileErrors(t *testing.T) {
	prof := workforce.DefaultSectorProfile()
	total := must(estimate.Point(1000))
	for _, tt := range []struct {
		name string
		sc   workforce.Scenario
		want error
	}{
		{"profile and sectors", workforce.Scenario{Profile: prof, Sectors: must(estimate.FixedShares(make21()))}, workforce.ErrBadValue},
		{"profile and focus", workforce.Scenario{Profile: prof, SectorFocus: map[workforce.Sector]estimate.Estimate{workforce.Information: must(estimate.Point(0.3))}}, workforce.ErrBadValue},
		{"mapping without profile", workforce.Scenario{ITMapping: workforce.ITInICTSections}, workforce.ErrBadValue},
		{"undefined mapping", workforce.Scenario{Profile: prof, ITMapping: 7}, workforce.ErrBadValue},
		{"IT share above 1", workforce.Scenario{Profile: prof.WithIT(must(estimate.Point(1.5)))}, workforce.ErrBadValue},
		{"no J row", workforce.Scenario{Profile: prof, Workforce: equalRows(workforce.Agriculture, workforce.Finance)}, workforce.ErrUnknownCode},
	} {
		sc := tt.sc
		sc.Total = total
		sc.MonteCarlo = estimate.Options{Draws: 100}
		if _, err := workforce.NewHeadcount(context.Background(), sc); !errors.Is(err, tt.want) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.want)
		}
	}
}

// The embedded section × education table: rows add up to the published
// section totals within the suppressed cells, and "advanced" is levels 5
// and 6 (employment.md: "I verified those three identities on the data").
func TestILOSTATSectorEducation(t *testing.T) {
	for _, year := range []int{2021, 2022} {
		tab, err := workforce.ILOSTATSectorEducation(year)
		if err != nil {
			t.Fatal(err)
		}
		r, c := tab.Dims()
		if r != 21 || c != 8 { // total + A–T; levels 1–6, total, advanced
			t.Fatalf("%d: %d×%d", year, r, c)
		}
		for i := range r {
			var sum float64
			for j := range 6 {
				if v := tab.At(i, j); !math.IsNaN(v) {
					sum += v
				}
			}
			// suppressed cells hold at most 1.3 thousand (employment.md, gaps)
			if tot := tab.At(i, 6); sum > tot+0.01 || sum < tot-1.3 {
				t.Errorf("%d %s: levels sum to %v, total %v", year, tab.Rows()[i], sum, tot)
			}
			if a, b, adv := tab.At(i, 4), tab.At(i, 5), tab.At(i, 7); !math.IsNaN(a) && !math.IsNaN(b) && math.Abs(a+b-adv) > 0.0025 {
				t.Errorf("%d %s: 5+6 = %v, advanced %v", year, tab.Rows()[i], a+b, adv)
			}
		}
		if len(tab.Sources()) != 1 || tab.Sources()[0] != workforce.ILOSTATEducationSource(year) {
			t.Errorf("%d: sources %v", year, tab.Sources())
		}
	}
	// hand: advanced share of employment, 35,381.618 / 69,872.421 = 50.6%
	// in 2021 against 25,045.641 / 71,973.553 = 34.8% in 2022: the break.
	t21 := must(workforce.ILOSTATSectorEducation(2021))
	if got := t21.At(0, 7) / t21.At(0, 6); math.Abs(got-0.5064) > 0.0001 {
		t.Errorf("2021 advanced share %v", got)
	}
	if _, err := workforce.ILOSTATSectorEducation(2020); !errors.Is(err, workforce.ErrNoData) {
		t.Errorf("2020: %v", err)
	}
}

// BenchmarkHeadcountsProfile times the default profile with the default
// total, where the cap rarely acts, and with a total of 5 million, where
// it acts in most draws.
func BenchmarkHeadcountsProfile(b *testing.B) {
	for _, tt := range []struct {
		name  string
		total estimate.Estimate
	}{
		{"total=0.5M-1.3M", must(estimate.Between(5e5, 1.3e6))},
		{"total=1M-5M/capped", must(estimate.Between(1e6, 5e6))},
	} {
		b.Run(tt.name, func(b *testing.B) {
			sc := workforce.Scenario{
				Total:      tt.total,
				Profile:    workforce.DefaultSectorProfile(),
				Bands:      must(estimate.DirichletMean([]float64{0.05, 0.15, 0.80}, 172)),
				MonteCarlo: estimate.Options{Draws: 20_000},
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := workforce.NewHeadcount(context.Background(), sc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// A Scenario with a profile marshals it (and its mapping as text); one
// without writes null.
func TestProfileJSON(t *testing.T) {
	data, err := json.Marshal(workforce.Scenario{Profile: workforce.DefaultSectorProfile(), ITMapping: workforce.ITInICTSections})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"ITMapping":"ICT sections"`, `"name":"IT workers"`, `"assumption":true`, `"J":0.66`, `"median":0.35`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("JSON lacks %s:\n%s", want, data)
		}
	}
	if data, err := json.Marshal(workforce.Scenario{}); err != nil || !strings.Contains(string(data), `"Profile":null,"ITMapping":"section J"`) {
		t.Errorf("zero Scenario: %s, %v", data, err)
	}
	var m workforce.ITMapping
	if err := json.Unmarshal([]byte(`"ICT sections"`), &m); err != nil || m != workforce.ITInICTSections {
		t.Errorf("UnmarshalText: %v, %v", m, err)
	}
	if err := json.Unmarshal([]byte(`"IT"`), &m); !errors.Is(err, workforce.ErrUnknownCode) || m != workforce.ITInICTSections {
		t.Errorf("UnmarshalText(IT): %v, %v", m, err)
	}
	if _, err := json.Marshal(workforce.ITMapping(9)); !errors.Is(err, workforce.ErrUnknownCode) {
		t.Errorf("Marshal(ITMapping(9)): %v", err)
	}
}

// FuzzITMappingUnmarshalText: an error or a mapping that marshals back to
// the same text; never a panic.
func FuzzITMappingUnmarshalText(f *testing.F) {
	for _, s := range []string{"section J", "ICT sections", "", "J", "section j", "ICT sections "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var m workforce.ITMapping
		if err := m.UnmarshalText([]byte(s)); err != nil {
			return
		}
		if b, err := m.MarshalText(); err != nil || string(b) != s {
			t.Errorf("%q: round trip %q, %v", s, b, err)
		}
	})
}
