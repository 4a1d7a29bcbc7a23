package workforce_test

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// checkAddsUp checks the promise of Headcounts: whole cells that add up
// to every sector total, every skill total and the grand total, each
// adjacent to its unrounded value.
func checkAddsUp(t *testing.T, h *workforce.Headcount) {
	t.Helper()
	var total int64
	for _, s := range h.Sectors() {
		var row int64
		var exp float64
		for _, k := range workforce.SkillLevels() {
			n := h.Cell(s, k).N
			if n < 0 || math.Abs(float64(n)-h.Cell(s, k).Expected) >= 1+1e-6 {
				t.Errorf("cell %v/%v = %d, unrounded %v", s, k, n, h.Cell(s, k).Expected)
			}
			row += n
			exp += h.Cell(s, k).Expected
		}
		if row != h.BySector(s).N || math.Abs(float64(row)-exp) >= 1+1e-6 {
			t.Errorf("sector %v: cells %d, Sector %d, unrounded %v", s, row, h.BySector(s).N, exp)
		}
		total += row
	}
	var skills int64
	for _, k := range workforce.SkillLevels() {
		skills += h.BySkill(k).N
	}
	var bands int64
	for _, b := range workforce.Bands() {
		bands += h.ByBand(b).N
		// Issue 9, found §3, first bullet: a band total is adjacent to its
		// unrounded value too.
		var exp float64
		for _, s := range h.Sectors() {
			for _, k := range b.SkillLevels() {
				exp += h.Cell(s, k).Expected
			}
		}
		if math.Abs(float64(h.ByBand(b).N)-exp) >= 1+1e-6*max(1, exp) {
			t.Errorf("band %v = %d, unrounded %v", b, h.ByBand(b).N, exp)
		}
	}
	if total != h.Total().N || skills != h.Total().N || bands != h.Total().N {
		t.Errorf("sum of cells %d, of skills %d, of bands %d; Total %d", total, skills, bands, h.Total().N)
	}
	tab := h.Table()
	if tab.Total() != float64(h.Total().N) {
		t.Errorf("Table total %v, Total %d", tab.Total(), h.Total().N)
	}
}

func TestHeadcountsAlfaBank(t *testing.T) {
	// Alfa Bank's "about 1.5% of the workforce", on the LFS labour force of
	// November 2022, 75.1 million: hand 0.015 × 75,100,000 = 1,126,500.
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Share:      must(estimate.Point(0.015)),
		MonteCarlo: estimate.Options{Draws: 2000},
	})
	if err != nil {
		t.Fatal(err)
	}
	if h.Total().N != 1_126_500 {
		t.Errorf("Total = %d, want 1126500", h.Total().N)
	}
	checkAddsUp(t, h)
	// Same composition as the workforce: every sector loses the same
	// fraction, 1,126,500 / 71,902,600 (Rosstat 2022 total) = 1.5667%,
	// within a person per cell.
	want := 1_126_500 / 71_902_600.0
	for _, s := range h.Sectors() {
		got := h.BySector(s).Share()
		if math.Abs(got-want) > 4/h.BySector(s).Workforce {
			t.Errorf("sector %v share %v, want %v", s, got, want)
		}
	}
	// Point inputs: the intervals collapse onto the unrounded values.
	lo, hi := h.Total().Interval()
	if lo != 1_126_500 || hi != 1_126_500 {
		t.Errorf("TotalInterval = %v, %v", lo, hi)
	}
	if len(h.Sources()) < 3 || len(h.Notes()) < 3 {
		t.Errorf("sources %d, notes %v", len(h.Sources()), h.Notes())
	}
}

func TestHeadcountsMargins(t *testing.T) {
	// A small workforce, by hand: two sectors, skill levels 1–4, in
	// thousands of persons (so that 1000 emigrants fit in every cell).
	wf := must(workforce.MustNewTable([]string{"C", "J"}, []string{"1", "2", "3", "4"},
		[][]float64{{100, 500, 200, 200}, {10, 40, 150, 800}}).Scale(1000))
	sectors := must(estimate.FixedShares([]float64{0.25, 0.75}))
	skills := must(estimate.FixedShares([]float64{0.05, 0.15, 0.2, 0.6}))
	tests := []struct {
		name string
		sc   workforce.Scenario
		// hand-computed unrounded cells
		want map[[2]int]float64
	}{
		{"sectors only", workforce.Scenario{Sectors: sectors}, map[[2]int]float64{
			{0, 0}: 1000 * 0.25 * 100 / 1000, {1, 3}: 1000 * 0.75 * 800 / 1000}},
		{"skills only", workforce.Scenario{Skills: skills}, map[[2]int]float64{
			{0, 0}: 1000 * 0.05 * 100 / 110, {1, 2}: 1000 * 0.2 * 150 / 350}},
		// Bands low 5%, medium 15%, high 80%: high splits 350:1000 between levels 3 and 4.
		{"bands only", workforce.Scenario{Bands: must(estimate.FixedShares([]float64{0.05, 0.15, 0.8}))}, map[[2]int]float64{
			{1, 3}: 1000 * 0.8 * 800 / 1350}},
	}
	for _, tt := range tests {
		sc := tt.sc
		sc.Total = must(estimate.Point(1000))
		sc.Workforce = wf
		sc.MonteCarlo = estimate.Options{Draws: 1000}
		h, err := workforce.NewHeadcount(context.Background(), sc)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		checkAddsUp(t, h)
		secs := []workforce.Sector{workforce.Manufacturing, workforce.Information}
		for cell, want := range tt.want {
			got := h.Cell(secs[cell[0]], workforce.SkillLevel(cell[1]+1)).Expected
			if math.Abs(got-want) > 1e-9 {
				t.Errorf("%s: cell %v = %v, want %v", tt.name, cell, got, want)
			}
		}
	}
	// Both margins: the result has both margins (checked against the
	// targets, an independent property of the IPF solution).
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total: must(estimate.Point(1000)), Workforce: wf, Sectors: sectors, Skills: skills,
		MonteCarlo: estimate.Options{Draws: 1000},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkAddsUp(t, h)
	if h.BySector(workforce.Manufacturing).N != 250 || h.BySector(workforce.Information).N != 750 {
		t.Errorf("sector totals %d, %d; want 250, 750", h.BySector(workforce.Manufacturing).N, h.BySector(workforce.Information).N)
	}
	for k, want := range []int64{50, 150, 200, 600} {
		if got := h.BySkill(workforce.SkillLevel(k + 1)).N; got != want {
			t.Errorf("level %d: %d, want %d", k+1, got, want)
		}
	}
	if h.Cell(workforce.Agriculture, workforce.Skill1).N != 0 || !math.IsNaN(h.BySector(workforce.Agriculture).Share()) {
		t.Error("a sector outside the table must count 0 with a NaN share")
	}
}

// With uncertain inputs the point table still adds up exactly, the total's
// interval matches its input's, and the point results of the total and of
// the high band lie inside their intervals.
func TestHeadcountsUncertain(t *testing.T) {
	n := workforce.NumSectors
	alpha := make([]float64, n)
	for i := range alpha {
		alpha[i] = 2
	}
	alpha[workforce.Information-1] = 40 // a third or so from IT
	// hand: extraterritorial organisations (U) employ about 5,000 people,
	// less than 2/78 of 774k emigrants, and households as employers (T)
	// about 1,300 at level 3; give them shares that fit
	alpha[workforce.Extraterritorial-1] = 0.1
	alpha[workforce.Households-1] = 0.1
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:      must(estimate.Between(600_000, 1_000_000)), // Forbes, The Bell, RTVi
		Sectors:    must(estimate.Dirichlet(alpha)),
		Bands:      must(estimate.DirichletMean([]float64{0.05, 0.15, 0.80}, 200)), // OutRush: ~80% university degree
		MonteCarlo: estimate.Options{Draws: 3000, Seed: 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkAddsUp(t, h)
	lo, hi := h.Total().Interval()
	// estimate.Between is a 90% interval: the simulated total's 90% interval
	// is close to 600k–1M.
	if math.Abs(lo-600_000) > 30_000 || math.Abs(hi-1_000_000) > 50_000 {
		t.Errorf("total interval %v–%v, want about 600k–1M", lo, hi)
	}
	if n := float64(h.Total().N); n < lo || n > hi {
		t.Errorf("total %v outside its interval %v–%v", n, lo, hi)
	}
	blo, bhi := h.ByBand(workforce.High).Interval()
	if n := float64(h.ByBand(workforce.High).N); n < blo || n > bhi {
		t.Errorf("high band %v outside its interval %v–%v", n, blo, bhi)
	}
	for _, s := range h.Sectors() {
		for _, k := range workforce.SkillLevels() {
			lo, hi := h.Cell(s, k).Interval()
			if !(lo <= hi) || lo < 0 {
				t.Fatalf("cell %v/%v interval %v–%v", s, k, lo, hi)
			}
		}
	}
	// Same seed, same result, whatever the number of workers.
	h1, _ := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total: must(estimate.Between(600_000, 1_000_000)), Sectors: must(estimate.Dirichlet(alpha)),
		Bands:      must(estimate.DirichletMean([]float64{0.05, 0.15, 0.80}, 200)),
		MonteCarlo: estimate.Options{Draws: 3000, Seed: 1, Workers: 1},
	})
	a1, b1 := h1.Cell(workforce.Information, workforce.Skill4).Interval()
	a2, b2 := h.Cell(workforce.Information, workforce.Skill4).Interval()
	if a1 != a2 || b1 != b2 {
		t.Errorf("Workers=1 gives %v–%v, default %v–%v", a1, b1, a2, b2)
	}
}

func TestHeadcountsErrors(t *testing.T) {
	p := must(estimate.Point(0.015))
	occ, _ := workforce.DefaultEmployment(2022)
	tests := []struct {
		name string
		sc   workforce.Scenario
		err  error
	}{
		{"nothing", workforce.Scenario{}, workforce.ErrBadValue},
		{"both", workforce.Scenario{Total: p, Share: p}, workforce.ErrBadValue},
		{"level", workforce.Scenario{Share: p, Level: 1.5}, workforce.ErrBadValue},
		{"base without share", workforce.Scenario{Total: p, Base: p}, workforce.ErrBadValue},
		{"negative total", workforce.Scenario{Total: must(estimate.Point(-5))}, workforce.ErrBadValue},
		{"sector shares length", workforce.Scenario{Share: p, Sectors: must(estimate.FixedShares([]float64{1, 1}))}, workforce.ErrShape},
		{"skill shares length", workforce.Scenario{Share: p, Skills: must(estimate.FixedShares([]float64{1, 1}))}, workforce.ErrShape},
		{"skills and bands", workforce.Scenario{Share: p, Skills: must(estimate.FixedShares([]float64{1, 1, 1, 1})), Bands: must(estimate.FixedShares([]float64{1, 1, 1}))}, workforce.ErrBadValue},
		{"occupation columns", workforce.Scenario{Share: p, Workforce: occ}, workforce.ErrShape},
		{"empty sector", workforce.Scenario{Share: p,
			Workforce: workforce.MustNewTable([]string{"A", "B"}, []string{"1", "2", "3", "4"}, [][]float64{{1, 1, 1, 1}, {0, 0, 0, 0}}),
			Sectors:   must(estimate.FixedShares([]float64{0.5, 0.5}))}, workforce.ErrInfeasible},
		// Hand: sector A has only level-1 workers and is half the emigrants,
		// but level 1 is a quarter of them: no table fits both.
		{"compositions unreachable", workforce.Scenario{Total: must(estimate.Point(1000)),
			Workforce: workforce.MustNewTable([]string{"A", "B"}, []string{"1", "2", "3", "4"}, [][]float64{{1, 0, 0, 0}, {0, 1, 1, 1}}),
			Sectors:   must(estimate.FixedShares([]float64{0.5, 0.5})),
			Skills:    must(estimate.FixedShares([]float64{0.25, 0.25, 0.25, 0.25}))}, workforce.ErrInfeasible},
		{"repeated sector", workforce.Scenario{Share: p,
			Workforce: workforce.MustNewTable([]string{"J", "j"}, []string{"1", "2", "3", "4"}, [][]float64{{1, 1, 1, 1}, {1, 1, 1, 1}})}, workforce.ErrUnknownCode},
		{"not a sector", workforce.Scenario{Share: p,
			Workforce: workforce.MustNewTable([]string{"IT"}, []string{"1", "2", "3", "4"}, [][]float64{{1, 1, 1, 1}})}, workforce.ErrUnknownCode},
		{"share above 1", workforce.Scenario{Share: must(estimate.Point(1.5))}, workforce.ErrBadValue},
		{"negative share", workforce.Scenario{Share: must(estimate.Point(-0.01))}, workforce.ErrBadValue},
		{"share median above 1", workforce.Scenario{Share: must(estimate.Normal(1.2, 0.1))}, workforce.ErrBadValue},
		{"negative base", workforce.Scenario{Share: p, Base: must(estimate.Point(-75e6))}, workforce.ErrBadValue},
		{"zero base", workforce.Scenario{Share: p, Base: must(estimate.Point(0))}, workforce.ErrBadValue},
		{"focus share above 1", workforce.Scenario{Share: p,
			SectorFocus: map[workforce.Sector]estimate.Estimate{workforce.Information: must(estimate.Point(1.2))}}, workforce.ErrBadValue},
		{"focus sector not in the table", workforce.Scenario{Share: p,
			Workforce:   workforce.MustNewTable([]string{"J"}, []string{"1", "2", "3", "4"}, [][]float64{{1, 1, 1, 1}}),
			SectorFocus: map[workforce.Sector]estimate.Estimate{workforce.Information: p, workforce.Mining: p}}, workforce.ErrUnknownCode},
		{"invalid focus sector", workforce.Scenario{Share: p,
			SectorFocus: map[workforce.Sector]estimate.Estimate{workforce.Sector(0): p}}, workforce.ErrUnknownCode},
		{"zero focus estimate", workforce.Scenario{Share: p,
			SectorFocus: map[workforce.Sector]estimate.Estimate{workforce.Information: {}}}, workforce.ErrBadValue},
		{"sectors and focus", workforce.Scenario{Share: p, Sectors: must(estimate.FixedShares(make21())),
			SectorFocus: map[workforce.Sector]estimate.Estimate{workforce.Information: p}}, workforce.ErrBadValue},
		{"missing workforce cell", workforce.Scenario{Share: p,
			Workforce: workforce.MustNewTable([]string{"A"}, []string{"1", "2", "3", "4"}, [][]float64{{1, math.NaN(), 1, 1}})}, workforce.ErrMissing},
		{"band shares length", workforce.Scenario{Share: p, Bands: must(estimate.FixedShares([]float64{1, 1, 1, 1}))}, workforce.ErrShape},
		{"huge total", workforce.Scenario{Total: must(estimate.Point(1e100))}, workforce.ErrBadValue},
	}
	for _, tt := range tests {
		tt.sc.MonteCarlo.Draws = 1000
		if _, err := workforce.NewHeadcount(context.Background(), tt.sc); !errors.Is(err, tt.err) {
			t.Errorf("%s: error = %v, want %v", tt.name, err, tt.err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := workforce.NewHeadcount(ctx, workforce.Scenario{Share: p}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: error = %v", err)
	}
}

// make21 returns 21 equal weights, one per ISIC section.
func make21() []float64 {
	w := make([]float64, workforce.NumSectors)
	for i := range w {
		w[i] = 1
	}
	return w
}

func BenchmarkHeadcounts(b *testing.B) {
	n := workforce.NumSectors
	alpha := make([]float64, n)
	for i := range alpha {
		alpha[i] = 2
	}
	// hand: sections T and U employ a few thousand people, less than a
	// 21st of 1.5% of the labour force; give them shares that fit
	alpha[workforce.Households-1] = 0.01
	alpha[workforce.Extraterritorial-1] = 0.01
	sc := workforce.Scenario{
		Share:      must(estimate.ShareBetween(0.01, 0.02)),
		Sectors:    must(estimate.Dirichlet(alpha)),
		Bands:      must(estimate.DirichletMean([]float64{0.05, 0.15, 0.80}, 200)),
		MonteCarlo: estimate.Options{Draws: 100_000},
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := workforce.NewHeadcount(context.Background(), sc); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHeadcountsSectorFocus(t *testing.T) {
	wf := workforce.MustNewTable([]string{"A", "C", "J"}, []string{"1", "2", "3", "4"},
		[][]float64{{500, 500, 500, 500}, {250, 250, 250, 250}, {0, 100, 400, 500}})
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:       must(estimate.Point(1000)),
		Workforce:   wf,
		SectorFocus: map[workforce.Sector]estimate.Estimate{workforce.Information: must(estimate.Point(0.5))},
		MonteCarlo:  estimate.Options{Draws: 1000},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkAddsUp(t, h)
	// Hand: J gets 500; the other 500 go 2000:1000 to A and C; within J,
	// levels follow J's workforce 0:100:400:500.
	want := map[workforce.Sector]int64{workforce.Agriculture: 333, workforce.Manufacturing: 167, workforce.Information: 500}
	for s, n := range want {
		if got := h.BySector(s).N; got < n-1 || got > n+1 {
			t.Errorf("sector %v: %d, want %d ± 1", s, got, n)
		}
	}
	if got := h.Cell(workforce.Information, workforce.Skill4).Expected; math.Abs(got-250) > 1e-9 {
		t.Errorf("J/4 = %v, want 250", got)
	}
	if got := float64(h.Cell(workforce.Information, workforce.Skill4).N) / h.BySector(workforce.Information).Workforce; got != 250.0/1000 {
		t.Errorf("J/4 share of J's workforce = %v, want 0.25", got)
	}
	// Focus shares above 1 are scaled down.
	h, err = workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total: must(estimate.Point(1000)), Workforce: wf,
		SectorFocus: map[workforce.Sector]estimate.Estimate{
			workforce.Information: must(estimate.Point(0.9)), workforce.Agriculture: must(estimate.Point(0.3))},
		MonteCarlo: estimate.Options{Draws: 1000},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := h.BySector(workforce.Information).N; got != 750 { // hand: 0.9/1.2 × 1000
		t.Errorf("J = %d, want 750", got)
	}
	_, err = workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total: must(estimate.Point(1000)), Workforce: wf,
		SectorFocus: map[workforce.Sector]estimate.Estimate{workforce.Education: must(estimate.Point(0.1))},
	})
	if !errors.Is(err, workforce.ErrUnknownCode) {
		t.Errorf("focus outside the table: error = %v", err)
	}
}

func TestHeadcountSummaries(t *testing.T) {
	total := must(estimate.Normal(1000, 100))
	wf := workforce.MustNewTable([]string{"C"}, []string{"1", "2", "3", "4"}, [][]float64{{1e6, 1e6, 1e6, 1e6}})
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total: total, Workforce: wf, MonteCarlo: estimate.Options{Draws: 20000, Seed: 3},
	})
	if err != nil {
		t.Fatal(err)
	}
	// Hand: each level is a quarter of N(1000, 100): mean 250, SD 25; the
	// 90% interval of the total is 1000 ± 164.5.
	s := h.Cell(workforce.Manufacturing, workforce.Skill2).Summary()
	if math.Abs(s.Mean()-250) > 1 || math.Abs(s.SD()-25) > 1 {
		t.Errorf("cell mean %v, SD %v; want 250, 25", s.Mean(), s.SD())
	}
	lo, hi := h.Total().Interval()
	if math.Abs(lo-835.5) > 5 || math.Abs(hi-1164.5) > 5 {
		t.Errorf("total interval %v–%v, want 835.5–1164.5", lo, hi)
	}
	if m := h.ByBand(workforce.High).Summary().Mean(); math.Abs(m-500) > 2 {
		t.Errorf("high band mean %v, want 500", m)
	}
	if m := h.BySkill(workforce.Skill1).Summary().Mean() + h.BySector(workforce.Manufacturing).Summary().Mean() - h.Total().Summary().Mean(); math.Abs(m-250) > 1 {
		t.Errorf("summaries disagree: %v", m)
	}
	if !math.IsNaN(h.Cell(workforce.Agriculture, workforce.Skill1).Summary().Mean()) {
		t.Error("summary of a cell outside the table must be empty")
	}
	lo1, hi1 := h.BySkill(workforce.Skill1).Interval()
	lo2, hi2 := h.ByBand(workforce.Low).Interval()
	if lo1 != lo2 || hi1 != hi2 || !(lo1 < 250 && 250 < hi1) {
		t.Errorf("level 1 interval %v–%v, low band %v–%v", lo1, hi1, lo2, hi2)
	}
	if h.Workforce().Total() != 4e6 {
		t.Errorf("Workforce total %v", h.Workforce().Total())
	}
	if got, want := h.String(), "1000 people (90%: "; len(got) < len(want) || got[:len(want)] != want {
		t.Errorf("String = %q", got)
	}
	if h.Draws() != 20000 || h.Level() != 0.9 {
		t.Errorf("Draws %d, Level %v", h.Draws(), h.Level())
	}
}

// The zero Headcount is empty and never panics.
func TestHeadcountZero(t *testing.T) {
	var h workforce.Headcount
	lo, hi := h.Total().Interval()
	clo, chi := h.Cell(workforce.Information, workforce.Skill4).Interval()
	if h.Total().N != 0 || h.Draws() != 0 || len(h.Sectors()) != 0 || !math.IsNaN(lo) || !math.IsNaN(hi) || clo != 0 || chi != 0 {
		t.Errorf("zero Headcount: total %d, draws %d, sectors %v, intervals %v–%v, %v–%v", h.Total().N, h.Draws(), h.Sectors(), lo, hi, clo, chi)
	}
	// The empty table, 0×0: a table has rows and columns or neither (issue 13 row 18).
	if r, c := h.Table().Dims(); r != 0 || c != 0 || h.Workforce() != nil || !math.IsNaN(h.Total().Summary().Mean()) {
		t.Errorf("zero Headcount: table %d×%d, workforce %v", r, c, h.Workforce())
	}
	// hand: no draws, so no interval; every band counts 0 (issue 5, finding 7)
	if got, want := h.String(), "0 people, low skill 0, medium skill 0, high skill 0"; got != want {
		t.Errorf("zero Headcount String = %q, want %q", got, want)
	}
}

// A Table and a Headcount are immutable: concurrent readers are safe
// (run with -race).
func TestConcurrentUse(t *testing.T) {
	tab, _ := workforce.DefaultWorkforce(2022)
	share := must(estimate.Point(0.015))
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{Share: share, MonteCarlo: estimate.Options{Draws: 1000}})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan bool)
	for range 4 {
		go func() {
			_, _ = tab.RowShares()
			_ = tab.Total()
			_, _ = h.Cell(workforce.Information, workforce.Skill4).Interval()
			_ = h.Table().Total()
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
}

func TestTableGetAllocs(t *testing.T) {
	tab, _ := workforce.DefaultWorkforce(2022)
	// Promise: lookups do not allocate.
	if n := testing.AllocsPerRun(100, func() {
		_, _ = tab.Get("J", "4")
		_ = tab.At(3, 2)
	}); n != 0 {
		t.Errorf("Get/At allocate %v times", n)
	}
}

// Property: on random workforces, totals and compositions (by sector,
// sector focus, skill level or band, point or uncertain), every headcount
// table is whole and adds up exactly to its margins and total; given
// margins are met within one person; and with point inputs the whole
// numbers around each interval contain the point result.
func TestHeadcountsAddUpRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	secs := workforce.Sectors()
	for trial := range 80 {
		n := 1 + r.IntN(workforce.NumSectors)
		rows := make([]string, n)
		vals := make([][]float64, n)
		for i := range rows {
			rows[i] = secs[i].String()
			vals[i] = make([]float64, 4)
			for j := range vals[i] {
				// ×3e6: every cell holds the largest total drawn (3M),
				// so no scenario puts more people in a cell than work there
				vals[i][j] = (1 + r.Float64()*1e5) * 3e6
			}
		}
		point := trial%4 != 3
		sc := workforce.Scenario{
			Workforce:  workforce.MustNewTable(rows, []string{"1", "2", "3", "4"}, vals),
			MonteCarlo: estimate.Options{Draws: 100, Seed: uint64(trial)},
		}
		if point {
			sc.Total = must(estimate.Point(float64(r.IntN(3_000_000))))
		} else {
			sc.Total = must(estimate.Between(1000+r.Float64()*1e5, 2e5+r.Float64()*1e6))
		}
		var sec, skill []float64
		switch r.IntN(3) {
		case 0:
			sec = randomShares(r, n)
			sc.Sectors = must(estimate.FixedShares(sec))
		case 1:
			sc.SectorFocus = map[workforce.Sector]estimate.Estimate{secs[r.IntN(n)]: must(estimate.Point(r.Float64()))}
		}
		switch r.IntN(3) {
		case 0:
			skill = randomShares(r, 4)
			sc.Skills = must(estimate.FixedShares(skill))
		case 1:
			sc.Bands = must(estimate.FixedShares(randomShares(r, 3)))
		}
		h, err := workforce.NewHeadcount(context.Background(), sc)
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		checkAddsUp(t, h)
		for i, s := range sec {
			if d := float64(h.BySector(secs[i]).N) - s*float64(h.Total().N); math.Abs(d) >= 1+1e-6 {
				t.Fatalf("trial %d: sector %v: %d for share %v of %d", trial, secs[i], h.BySector(secs[i]).N, s, h.Total().N)
			}
		}
		for k, s := range skill {
			if d := float64(h.BySkill(workforce.SkillLevel(k+1)).N) - s*float64(h.Total().N); math.Abs(d) >= 1+1e-6 {
				t.Fatalf("trial %d: level %d: %d for share %v of %d", trial, k+1, h.BySkill(workforce.SkillLevel(k+1)).N, s, h.Total().N)
			}
		}
		checkEncloses(t, h)
		if !point {
			continue
		}
		around := func(what string, n int64, lo, hi float64) {
			if float64(n) < math.Floor(lo) || float64(n) > math.Ceil(hi) {
				t.Fatalf("trial %d: %s = %d, outside the whole numbers around its interval %v–%v", trial, what, n, lo, hi)
			}
		}
		lo, hi := h.Total().Interval()
		around("total", h.Total().N, lo, hi)
		for _, s := range h.Sectors() {
			lo, hi := h.BySector(s).Interval()
			around("sector "+s.String(), h.BySector(s).N, lo, hi)
			for _, k := range workforce.SkillLevels() {
				lo, hi := h.Cell(s, k).Interval()
				around("cell "+s.String()+k.String(), h.Cell(s, k).N, lo, hi)
			}
		}
		for _, k := range workforce.SkillLevels() {
			lo, hi := h.BySkill(k).Interval()
			around("level "+k.String(), h.BySkill(k).N, lo, hi)
		}
		for _, b := range workforce.Bands() {
			lo, hi := h.ByBand(b).Interval()
			around("band "+b.String(), h.ByBand(b).N, lo, hi)
		}
	}
}

func randomShares(r *rand.Rand, n int) []float64 {
	s := make([]float64, n)
	sum := 0.0
	for i := range s {
		s[i] = 0.01 + r.Float64()
		sum += s[i]
	}
	for i := range s {
		s[i] /= sum
	}
	return s
}

func TestHeadcountsAdaptiveNotConverged(t *testing.T) {
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:      must(estimate.Between(600_000, 1_000_000)),
		MonteCarlo: estimate.Options{Draws: 1000, Tolerance: 1e-9, MaxDraws: 2000},
	})
	if err != nil {
		t.Fatal(err)
	}
	notes := h.Notes()
	if last := notes[len(notes)-1]; !strings.Contains(last, "reached MaxDraws") {
		t.Errorf("last note %q does not say the run stopped early", last)
	}
	checkAddsUp(t, h)
}

// A Share with no Base is a share of the Workforce's own employment when
// Workforce is set, and of Russia's labour force only for the embedded data.
func TestHeadcountsDefaultBase(t *testing.T) {
	t.Parallel()
	share := must(estimate.Point(0.015))
	wf := workforce.MustNewTable([]string{"C", "J"}, []string{"1", "2", "3", "4"},
		[][]float64{{100, 200, 150, 50}, {100, 200, 150, 50}}) // 1,000 people
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{Share: share, Workforce: wf})
	if err != nil {
		t.Fatalf("Share 1.5%% of a 1,000-person table: %v", err)
	}
	if got, want := h.Total().N, int64(15); got != want { // hand: 0.015 × 1,000
		t.Errorf("Total = %d, want %d", got, want)
	}
	if !slicesContainsSubstring(h.Notes(), "1000") {
		t.Errorf("Notes %q do not name the base of 1000 people", h.Notes())
	}
	// The embedded data, nil or from DefaultWorkforce, keep the labour force.
	for _, wf := range []*workforce.Table{nil, must(workforce.DefaultWorkforce(workforce.DefaultYear))} {
		h, err = workforce.NewHeadcount(context.Background(), workforce.Scenario{Share: share, Workforce: wf})
		if err != nil {
			t.Fatal(err)
		}
		// hand: 0.015 × 75.1 million (Rosstat LFS, November 2022) = 1,126,500
		if got, want := h.Total().N, int64(1_126_500); got != want {
			t.Errorf("embedded Workforce (nil %v): Total = %d, want %d", wf == nil, got, want)
		}
	}
}

func slicesContainsSubstring(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// Headcount.String shows the whole numbers around the total's interval, so
// that a total of 2.5 people (rounded half away from zero to 3) does not
// print an interval of 2–2 beside it.
func TestHeadcountStringContainsPoint(t *testing.T) {
	t.Parallel()
	wf := workforce.MustNewTable([]string{"C", "J"}, []string{"1", "2", "3", "4"},
		[][]float64{{100, 200, 150, 50}, {100, 200, 150, 50}})
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{Total: must(estimate.Point(2.5)), Workforce: wf})
	if err != nil {
		t.Fatal(err)
	}
	// hand: 2.5 rounds to 3; the interval 2.5–2.5 lies within the whole
	// numbers 2 and 3.
	if got, want := h.String(), "3 people (90%: 2–3)"; !strings.HasPrefix(got, want) {
		t.Errorf("String() = %q, want prefix %q", got, want)
	}
}
