package workforce_test

import (
	"context"
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

func countHeadcount(t *testing.T) *workforce.Headcount {
	t.Helper()
	mix, err := workforce.NewDestinationShares(
		[]workforce.Destination{workforce.MustParseDestination("GE"), workforce.MustParseDestination("AM"), workforce.OtherDestinations},
		estimate.Must(estimate.FixedShares([]float64{0.3, 0.2, 0.5})))
	if err != nil {
		t.Fatal(err)
	}
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:        estimate.Must(estimate.Between(600_000, 1_000_000)),
		Destinations: mix,
		MonteCarlo:   estimate.Options{Draws: 2000, Seed: 3},
	})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// Every breakdown's Ns add up exactly to the whole's N, and every Range
// encloses its N: the invariants the Headcount doc promises, checked
// through the one Count type.
func TestCountsAddUp(t *testing.T) {
	h := countHeadcount(t)
	total := h.Total()
	encloses := func(name string, c workforce.Count) {
		t.Helper()
		if lo, hi := c.Range(); lo > c.N || c.N > hi {
			t.Errorf("%s: range %d–%d does not enclose N = %d", name, lo, hi, c.N)
		}
	}
	encloses("total", total)
	var bySector, bySkill, byBand, byDest int64
	for _, s := range h.Sectors() {
		sc := h.BySector(s)
		encloses(s.String(), sc)
		bySector += sc.N
		var cells int64
		var expected float64
		for _, k := range workforce.SkillLevels() {
			c := h.Cell(s, k)
			encloses(s.String()+k.String(), c)
			cells += c.N
			expected += c.Expected
		}
		if cells != sc.N {
			t.Errorf("sector %v: cells add up to %d, BySector.N = %d", s, cells, sc.N)
		}
		if math.Abs(expected-sc.Expected) > 1e-6*max(1, sc.Expected) {
			t.Errorf("sector %v: cells' Expected add up to %v, BySector.Expected = %v", s, expected, sc.Expected)
		}
		// independent: the workforce table's own row total
		i, _ := h.Workforce().RowIndex(s.String())
		if w := h.Workforce().RowTotals()[i]; math.Abs(w-sc.Workforce) > 1e-6 {
			t.Errorf("sector %v: Workforce %v, workforce table row %v", s, sc.Workforce, w)
		}
		if sc.Workforce > 0 && sc.Share() != float64(sc.N)/sc.Workforce {
			t.Errorf("sector %v: Share %v, want N/Workforce", s, sc.Share())
		}
	}
	for _, k := range workforce.SkillLevels() {
		bySkill += h.BySkill(k).N
		encloses(k.String(), h.BySkill(k))
	}
	for _, b := range workforce.Bands() {
		var levels int64
		for _, k := range b.SkillLevels() {
			levels += h.BySkill(k).N
		}
		if bc := h.ByBand(b); bc.N != levels {
			t.Errorf("band %v: N = %d, its levels add up to %d", b, bc.N, levels)
		}
		byBand += h.ByBand(b).N
	}
	var shares float64
	for _, d := range h.Destinations() {
		dc := h.ByDestination(d)
		byDest += dc.N
		shares += dc.ShareOf(total)
		var secs int64
		for _, s := range h.Sectors() {
			secs += h.ByDestinationSector(d, s).N
		}
		if secs != dc.N {
			t.Errorf("destination %v: sectors add up to %d, N = %d", d, secs, dc.N)
		}
		if !math.IsNaN(dc.Share()) {
			t.Errorf("destination %v: Share %v, want NaN (no workforce)", d, dc.Share())
		}
	}
	for name, n := range map[string]int64{"sectors": bySector, "skill levels": bySkill, "bands": byBand, "destinations": byDest} {
		if n != total.N {
			t.Errorf("%s add up to %d, total N = %d", name, n, total.N)
		}
	}
	if math.Abs(shares-1) > 1e-12 {
		t.Errorf("destination shares of the total add up to %v, want 1", shares)
	}
}

// Interval is the Summary's interval at the Headcount's level: two paths
// (the draw store's selection and the Summary's quantiles) that must agree.
func TestCountIntervalIsSummaryInterval(t *testing.T) {
	h := countHeadcount(t)
	for name, c := range map[string]workforce.Count{
		"total":          h.Total(),
		"J":              h.BySector(workforce.Information),
		"J/4":            h.Cell(workforce.Information, workforce.Skill4),
		"level 2":        h.BySkill(workforce.Skill2),
		"high":           h.ByBand(workforce.High),
		"GE":             h.ByDestination(workforce.MustParseDestination("GE")),
		"GE × J":         h.ByDestinationSector(workforce.MustParseDestination("GE"), workforce.Information),
		"GE × level 3":   h.ByDestinationSkill(workforce.MustParseDestination("GE"), workforce.Skill3),
		"GE × high band": h.ByDestinationBand(workforce.MustParseDestination("GE"), workforce.High),
	} {
		lo, hi := c.Interval()
		wlo, whi := c.Summary().Interval(h.Level())
		if math.Abs(lo-wlo) > 1e-6*max(1, math.Abs(wlo)) || math.Abs(hi-whi) > 1e-6*max(1, math.Abs(whi)) {
			t.Errorf("%s: Interval %v–%v, Summary().Interval %v–%v", name, lo, hi, wlo, whi)
		}
		if n := len(c.Summary().Samples()); n != h.Draws() {
			t.Errorf("%s: %d samples, want %d draws", name, n, h.Draws())
		}
		// Samples reads a sector's draws straight from the store: the same
		// draws, in the same order, as the Summary's.
		if !slices.Equal(c.Samples(), c.Summary().Samples()) {
			t.Errorf("%s: Samples() differ from Summary().Samples()", name)
		}
	}
}

// A group the Headcount does not have is the zero Count, whatever it is
// asked.
func TestZeroCount(t *testing.T) {
	h := countHeadcount(t)
	for name, c := range map[string]workforce.Count{
		"invalid sector":       h.BySector(0),
		"invalid cell":         h.Cell(workforce.Information, 0),
		"invalid level":        h.BySkill(9),
		"invalid band":         h.ByBand(0),
		"absent destination":   h.ByDestination(workforce.MustParseDestination("TR")),
		"absent dest × sector": h.ByDestinationSector(workforce.MustParseDestination("TR"), workforce.Information),
		"zero Count":           {},
	} {
		lo, hi := c.Interval()
		rlo, rhi := c.Range()
		if c.N != 0 || c.Expected != 0 || c.Workforce != 0 || lo != 0 || hi != 0 || rlo != 0 || rhi != 0 ||
			!math.IsNaN(c.Share()) || !math.IsNaN(c.ShareOf(h.Total())) || c.String() != "0" || c.Summary().Draws() != 0 {
			t.Errorf("%s: %+v is not the zero Count (interval %v–%v, range %d–%d, share %v, %q)", name, c, lo, hi, rlo, rhi, c.Share(), c)
		}
	}
}

// String prints N and its range at the level, as Headcount.String prints
// the total (hand: the format "N (90%: lo–hi)").
func TestCountString(t *testing.T) {
	h := countHeadcount(t)
	c := h.Total()
	lo, hi := c.Range()
	want := strconv.FormatInt(c.N, 10) + " (90%: " + strconv.FormatInt(lo, 10) + "–" + strconv.FormatInt(hi, 10) + ")"
	if c.String() != want {
		t.Errorf("Total().String() = %q, want %q", c.String(), want)
	}
}

// Count's doc promises that asking for N costs nothing more: the
// accessors allocate nothing; only Interval, Range and Summary read the
// draws.
func TestCountNAllocatesNothing(t *testing.T) {
	h := countHeadcount(t)
	ge := workforce.MustParseDestination("GE")
	var n int64
	allocs := testing.AllocsPerRun(100, func() {
		n += h.Total().N + h.BySector(workforce.Information).N + h.Cell(workforce.Information, workforce.Skill4).N +
			h.BySkill(workforce.Skill2).N + h.ByBand(workforce.High).N + h.ByDestination(ge).N +
			h.ByDestinationSector(ge, workforce.Information).N + h.ByDestinationBand(ge, workforce.Low).N
	})
	if allocs != 0 {
		t.Errorf("reading N allocates %v times per run, want 0", allocs)
	}
}
