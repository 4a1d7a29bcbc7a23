package workforce_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

// The two-sector table of examples/exodus/testdata/workforce.csv, persons,
// by ISCO-08 major group 1–9.
func twoSectorWorkforce(t *testing.T) *workforce.Table {
	t.Helper()
	occ := workforce.MustNewTable([]string{"A", "J"}, []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"},
		[][]float64{{100, 200, 300, 400, 500, 600, 700, 800, 900}, {90, 800, 180, 80, 30, 0, 110, 20, 10}})
	return must(occ.SkillLevels(workforce.SkillMap{}))
}

// Issue 9, found §3, first bullet ("-total 5" prints "5 of the 5 (100%)"
// at high skill levels for an input of 80%): a band total is one of the
// two whole numbers next to its unrounded value, like every other total.
// hand: 5 × 0.8 = 4 exactly, so the high band must be 4, not 5.
func TestIssue9BandTotalAdjacent(t *testing.T) {
	for _, n := range []float64{5, 7, 1000} {
		h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
			Total:      must(estimate.Point(n)),
			Bands:      must(estimate.FixedShares([]float64{0.1, 0.1, 0.8})),
			MonteCarlo: estimate.Options{Draws: 100},
		})
		if err != nil {
			t.Fatal(err)
		}
		checkAddsUp(t, h)
		for _, b := range workforce.Bands() {
			want := n * []float64{0.1, 0.1, 0.8}[b-1] // hand: n × band share
			if got := float64(h.ByBand(b).N); got < math.Floor(want-1e-9) || got > math.Ceil(want+1e-9) {
				t.Errorf("total %v: band %v = %v, want a whole number next to %v", n, b, got, want)
			}
		}
	}
}

// checkEncloses checks that every whole-number interval the library gives
// encloses its count.
func checkEncloses(t *testing.T, h *workforce.Headcount) {
	t.Helper()
	in := func(what string, n, lo, hi int64) {
		if n < lo || n > hi {
			t.Errorf("%s: count %d outside its interval %d–%d", what, n, lo, hi)
		}
	}
	lo, hi := h.Total().Range()
	in("total", h.Total().N, lo, hi)
	for _, s := range h.Sectors() {
		lo, hi := h.BySector(s).Range()
		in("sector "+s.String(), h.BySector(s).N, lo, hi)
		for _, k := range workforce.SkillLevels() {
			lo, hi := h.Cell(s, k).Range()
			in("cell "+s.String()+"/"+k.String(), h.Cell(s, k).N, lo, hi)
		}
	}
	for _, k := range workforce.SkillLevels() {
		lo, hi := h.BySkill(k).Range()
		in("level "+k.String(), h.BySkill(k).N, lo, hi)
	}
	for _, b := range workforce.Bands() {
		lo, hi := h.ByBand(b).Range()
		in("band "+b.String(), h.ByBand(b).N, lo, hi)
	}
}

// Issue 9, found §3, second bullet (with -share 1%, cell A/4 shows 2 with
// the interval "3", and the CSV says "2,3"), and must-have §8: every
// interval encloses its count, and CSV, JSON and String give the same
// numbers.
func TestIssue9IntervalsEncloseCounts(t *testing.T) {
	wf := twoSectorWorkforce(t)
	for _, sc := range []workforce.Scenario{
		{Share: must(estimate.Point(0.01)), Workforce: wf},
		{Share: must(estimate.ShareBetween(0.005, 0.02)), Workforce: wf, Bands: must(estimate.DirichletMean([]float64{0.1, 0.1, 0.8}, 172))},
		{Total: must(estimate.Between(4e5, 2e6)), SectorFocus: map[workforce.Sector]estimate.Estimate{workforce.Information: must(estimate.ShareBetween(0.27, 0.45))},
			Bands: must(estimate.DirichletMean([]float64{0.05, 0.15, 0.8}, 172))},
	} {
		sc.MonteCarlo = estimate.Options{Draws: 2000, Seed: 9}
		h, err := workforce.NewHeadcount(context.Background(), sc)
		if err != nil {
			t.Fatal(err)
		}
		checkEncloses(t, h)
		// CSV: lo and hi of each cell are CellRange.
		var buf bytes.Buffer
		if err := h.WriteCSV(&buf); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for j, name := range recs[0] {
			col[name] = j
		}
		for _, rec := range recs[1:] {
			s := must(workforce.ParseSector(rec[col["sector"]]))
			k := must(workforce.ParseSkillLevel(rec[col["skill_level"]]))
			lo, hi := h.Cell(s, k).Range()
			if rec[col["count"]] != strconv.FormatInt(h.Cell(s, k).N, 10) || rec[col["lo"]] != strconv.FormatInt(lo, 10) || rec[col["hi"]] != strconv.FormatInt(hi, 10) {
				t.Errorf("CSV %v: count, lo, hi = %v, %v, %v; want %d, %d, %d", rec[:2], rec[col["count"]], rec[col["lo"]], rec[col["hi"]], h.Cell(s, k).N, lo, hi)
			}
		}
		// JSON: the same numbers.
		var j struct {
			Total struct {
				Count, Lo, Hi int64
			}
			Sectors []struct {
				Sector workforce.Sector
				Count  int64
				Lo, Hi int64
				Cells  []struct {
					SkillLevel workforce.SkillLevel `json:"skill_level"`
					Count      int64
					Lo, Hi     int64
				}
			}
		}
		if err := json.Unmarshal(must(json.Marshal(h)), &j); err != nil {
			t.Fatal(err)
		}
		if lo, hi := h.Total().Range(); j.Total.Count != h.Total().N || j.Total.Lo != lo || j.Total.Hi != hi {
			t.Errorf("JSON total %+v; want %d, %d, %d", j.Total, h.Total().N, lo, hi)
		}
		for _, sj := range j.Sectors {
			if lo, hi := h.BySector(sj.Sector).Range(); sj.Count != h.BySector(sj.Sector).N || sj.Lo != lo || sj.Hi != hi {
				t.Errorf("JSON sector %v: %d %d–%d; want %d %d–%d", sj.Sector, sj.Count, sj.Lo, sj.Hi, h.BySector(sj.Sector).N, lo, hi)
			}
			for _, c := range sj.Cells {
				if lo, hi := h.Cell(sj.Sector, c.SkillLevel).Range(); c.Count != h.Cell(sj.Sector, c.SkillLevel).N || c.Lo != lo || c.Hi != hi {
					t.Errorf("JSON cell %v/%v: %d %d–%d; want %d %d–%d", sj.Sector, c.SkillLevel, c.Count, c.Lo, c.Hi, h.Cell(sj.Sector, c.SkillLevel).N, lo, hi)
				}
			}
		}
		// String: the total's range.
		lo, hi := h.Total().Range()
		if want := strconv.FormatInt(lo, 10) + "–" + strconv.FormatInt(hi, 10); !strings.Contains(h.String(), want) {
			t.Errorf("String %q does not contain the total's range %s", h.String(), want)
		}
	}
}

// Issue 9, found §3, third bullet ("-total 1000000-5000000" prints J at
// "48.5% (90%: 20.7%–112.0%)", and a point total of 5,000,000 is refused),
// and must-have §7: no draw puts more people in a sector or a cell than
// work there, a share of a sector's workforce is never above 1, and a
// point total and a range total follow the same rule (the cap).
func TestIssue9NeverAboveWorkforce(t *testing.T) {
	focus := map[workforce.Sector]estimate.Estimate{workforce.Information: must(estimate.ShareBetween(0.27, 0.45))}
	bands := must(estimate.DirichletMean([]float64{0.05, 0.15, 0.8}, 172))
	for _, total := range []estimate.Estimate{must(estimate.Between(1e6, 5e6)), must(estimate.Point(5e6))} {
		h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
			Total: total, SectorFocus: focus, Bands: bands,
			MonteCarlo: estimate.Options{Draws: 4000, Seed: 1},
		})
		if err != nil {
			t.Fatalf("total %v: %v", total, err)
		}
		checkAddsUp(t, h)
		checkEncloses(t, h)
		wf := h.Workforce()
		for i, s := range h.Sectors() {
			w := h.BySector(s).Workforce
			for d, x := range h.BySector(s).Samples() {
				if x > w*(1+1e-9) {
					t.Fatalf("total %v: draw %d puts %v people in %v, whose workforce is %v", total, d, x, s, w)
				}
			}
			if _, hi := h.BySector(s).Interval(); hi > w*(1+1e-9) {
				t.Errorf("total %v: sector %v interval ends at %v, above its workforce %v", total, s, hi, w)
			}
			if sh := h.BySector(s).Share(); sh > 1 {
				t.Errorf("total %v: sector %v share %v > 1", total, s, sh)
			}
			for _, k := range workforce.SkillLevels() {
				wc := wf.At(i, int(k)-1)
				if float64(h.Cell(s, k).N) > wc {
					t.Errorf("total %v: cell %v/%v = %d, workforce %v", total, s, k, h.Cell(s, k).N, wc)
				}
				for d, x := range h.Cell(s, k).Samples() {
					if x > wc*(1+1e-9) {
						t.Fatalf("total %v: draw %d puts %v people in %v/%v, whose workforce is %v", total, d, x, s, k, wc)
					}
				}
			}
		}
		c := h.Capped()
		if c.Draws != h.Draws() || c.Capped == 0 || c.Sectors[workforce.Information] == 0 {
			t.Errorf("total %v: Capped() = %+v, want the cap to have acted on J", total, c)
		}
		// hand: J at its median share 0.35 (ShareBetween is symmetric in
		// logit space around logit⁻¹ of the midpoint, about 0.355) of 5M is
		// 1.78M, above J's 1.64M workforce, so the point result is capped.
		if total.IsPoint() && (c.PointMoved <= 0 || !slices.Contains(c.PointSectors, workforce.Information)) {
			t.Errorf("point total %v: Capped() = %+v, want the point result capped in J", total, c)
		}
		if !slicesContainsSubstring(h.Notes(), "workforce cap") {
			t.Errorf("total %v: no note on the workforce cap: %q", total, h.Notes())
		}
	}
}

// Issue 9, found §3, fourth bullet: with only Bands set, Notes said
// "sector composition: same as the workforce", which it is not: with 80%
// at high skill and 800,000 people, A is 4.0% of emigrants against 6.3%
// of the workforce.
func TestIssue9NotesBandsOnly(t *testing.T) {
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:      must(estimate.Point(800_000)),
		Bands:      must(estimate.FixedShares([]float64{0.05, 0.15, 0.8})),
		MonteCarlo: estimate.Options{Draws: 100},
	})
	if err != nil {
		t.Fatal(err)
	}
	if slicesContainsSubstring(h.Notes(), "sector composition: same as the workforce") {
		t.Errorf("Notes say the sector composition is the workforce's: %q", h.Notes())
	}
	// The premise, by hand from the workforce: A's share of emigrants is
	// below its share of the workforce.
	a := float64(h.BySector(workforce.Agriculture).N) / 800_000
	wa := h.BySector(workforce.Agriculture).Workforce / h.Workforce().Total()
	if !(a < wa-0.01) {
		t.Errorf("A: %.3f of emigrants, %.3f of the workforce", a, wa)
	}
}

// Issue 9, found §3, first bullet, on random small scenarios, where most
// cells are fractions of a person: every band total stays adjacent to its
// unrounded value (checkAddsUp), and every range encloses its count.
func TestIssue9BandAdjacentRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 3))
	secs := workforce.Sectors()
	for trial := range 300 {
		n := 1 + r.IntN(8)
		rows := make([]string, n)
		vals := make([][]float64, n)
		for i := range rows {
			rows[i] = secs[i].String()
			vals[i] = make([]float64, 4)
			for j := range vals[i] {
				if r.IntN(6) > 0 {
					vals[i][j] = 100 + r.Float64()*1e4
				}
			}
		}
		sc := workforce.Scenario{
			Total:      must(estimate.Point(float64(1 + r.IntN(60)))),
			Workforce:  workforce.MustNewTable(rows, []string{"1", "2", "3", "4"}, vals),
			MonteCarlo: estimate.Options{Draws: 100, Seed: uint64(trial)},
		}
		if r.IntN(2) == 0 {
			sc.Bands = must(estimate.FixedShares(randomShares(r, 3)))
		}
		h, err := workforce.NewHeadcount(context.Background(), sc)
		if errors.Is(err, workforce.ErrInfeasible) {
			continue // a random band composition on a table with empty levels
		}
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		checkAddsUp(t, h)
		checkEncloses(t, h)
		if t.Failed() {
			t.Fatalf("trial %d: %v", trial, h)
		}
	}
}

func TestITMappingString(t *testing.T) {
	for m, want := range map[workforce.ITMapping]string{
		workforce.ITInInformation: "section J", workforce.ITInICTSections: "ICT sections", 9: "ITMapping(9)", 0: "ITMapping(0)",
	} {
		if m.String() != want || m.Valid() != (m >= 1 && m <= workforce.ITInICTSections) { // enums start at 1

			t.Errorf("ITMapping(%d): String %q, Valid %v", uint8(m), m.String(), m.Valid())
		}
	}
	it := workforce.DefaultSectorProfile().IT()
	if lo, hi := it.Interval(0.9); math.Abs(lo-0.27) > 1e-9 || math.Abs(hi-0.45) > 1e-9 {
		t.Errorf("default IT share: 90%% interval %v–%v, want 0.27–0.45 (the surveys' range)", lo, hi)
	}
}

// Issue 9, must-have §7: the whole-number upper end of an interval is
// never above the whole people working there, even when every draw
// empties a cell whose workforce is not whole (hand: 10.5 people per
// cell, so 10 whole people).
func TestIssue9RangeWithinWorkforce(t *testing.T) {
	wf := workforce.MustNewTable([]string{"A", "J"}, []string{"1", "2", "3", "4"},
		[][]float64{{10.5, 10.5, 10.5, 10.5}, {10.5, 10.5, 10.5, 10.5}})
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total: must(estimate.Point(80)), Workforce: wf,
		Sectors:    must(estimate.FixedShares([]float64{0.2, 0.8})),
		MonteCarlo: estimate.Options{Draws: 100},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkEncloses(t, h)
	// hand: J asks for 64 of 42; capped at 10.5 per cell in the draws and
	// at 10 whole people per cell in the point result.
	for _, k := range workforce.SkillLevels() {
		if _, hi := h.Cell(workforce.Information, k).Range(); hi != 10 || h.Cell(workforce.Information, k).N != 10 {
			t.Errorf("J/%v: count %d, upper end %d; want 10 and 10 (10.5 working)", k, h.Cell(workforce.Information, k).N, hi)
		}
	}
	if _, hi := h.BySector(workforce.Information).Range(); hi != 42 {
		t.Errorf("J: upper end %d, want 42 (42 working)", hi)
	}
	if sh := h.BySector(workforce.Information).Share(); sh > 1 {
		t.Errorf("J share %v > 1", sh)
	}
}

// FuzzHeadcountsCap: for any total and composition, Headcounts returns an
// error or a table whose counts, ranges and draws stay within the
// workforce (issue 9, must-have §7) and whose ranges enclose the counts
// (§8); never a panic.
func FuzzHeadcountsCap(f *testing.F) {
	f.Add(50.0, 0.9, 0.8, 0.5, uint64(1))
	f.Add(79.0, 1.0, 1.0, 0.0, uint64(2))
	f.Add(3.0, 0.0, 0.0, 2.0, uint64(3))
	wf := workforce.MustNewTable([]string{"A", "J"}, []string{"1", "2", "3", "4"},
		[][]float64{{10.5, 0, 20, 9.7}, {3, 10, 10, 0.4}})
	f.Fuzz(func(t *testing.T, total, j, high, spread float64, seed uint64) {
		sc := workforce.Scenario{Workforce: wf, MonteCarlo: estimate.Options{Draws: 100, Seed: seed}}
		var err error
		if spread > 0 && spread < 10 && total > 0 {
			sc.Total, err = estimate.Between(total, total*(1+spread))
		} else {
			sc.Total, err = estimate.Point(total)
		}
		if err != nil {
			return
		}
		if j >= 0 && j <= 1 {
			sc.SectorFocus = map[workforce.Sector]estimate.Estimate{workforce.Information: must(estimate.Point(j))}
		}
		if high >= 0 && high <= 1 {
			sc.Bands = must(estimate.FixedShares([]float64{(1 - high) / 2, (1 - high) / 2, high}))
		}
		h, err := workforce.NewHeadcount(context.Background(), sc)
		if err != nil {
			return
		}
		checkEncloses(t, h)
		for i, s := range h.Sectors() {
			for _, k := range workforce.SkillLevels() {
				w := wf.At(i, int(k)-1)
				if _, hi := h.Cell(s, k).Range(); float64(h.Cell(s, k).N) > w || float64(hi) > math.Max(math.Floor(w), 0) {
					t.Fatalf("cell %v/%v: %d (up to %d) of %v working", s, k, h.Cell(s, k).N, hi, w)
				}
				for _, x := range h.Cell(s, k).Samples() {
					if x > w*(1+1e-9) {
						t.Fatalf("cell %v/%v: draw %v of %v working", s, k, x, w)
					}
				}
			}
		}
	})
}
