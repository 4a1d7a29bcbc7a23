package workforce

import (
	"context"
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
)

// storeScenario is the main job's kind of scenario: an uncertain total, the
// sector profile (a fit in every draw), skill bands and destinations.
func storeScenario(t *testing.T, workers int) Scenario {
	t.Helper()
	total, err := estimate.Between(600_000, 1_300_000)
	if err != nil {
		t.Fatal(err)
	}
	bands, err := estimate.DirichletMean([]float64{0.1, 0.1, 0.8}, 172)
	if err != nil {
		t.Fatal(err)
	}
	return Scenario{
		Total: total, Profile: DefaultSectorProfile(), Bands: bands,
		Destinations: DefaultDestinationMix(),
		MonteCarlo:   estimate.Options{Draws: 2500, Seed: 7, Workers: workers},
	}
}

// sameSummary reports whether two summaries have the same draws, bit for
// bit, and the same interval.
func sameSummary(t *testing.T, what string, want, got estimate.Summary) {
	t.Helper()
	w, g := want.Samples(), got.Samples()
	if len(w) != len(g) || len(w) == 0 {
		t.Fatalf("%s: %d draws, want %d", what, len(g), len(w))
	}
	for i := range w {
		if math.Float64bits(w[i]) != math.Float64bits(g[i]) {
			t.Fatalf("%s: draw %d is %v, want %v (bit for bit)", what, i, g[i], w[i])
		}
	}
	if want.Mean() != got.Mean() || want.SD() != got.SD() {
		t.Errorf("%s: mean, SD %v, %v; want %v, %v", what, got.Mean(), got.SD(), want.Mean(), want.SD())
	}
}

// TestStoreMatchesEager checks that the outputs made on demand from the
// kept cells and destination shares (drawStore) are those of a run that
// keeps every output (the independent reference: the per-draw model of
// plan.simulate and destPlan.simulate), draw for draw and bit for bit, for
// every output of the table and of the destination views, with one worker
// and with three.
func TestStoreMatchesEager(t *testing.T) {
	ctx := context.Background()
	want, err := headcounts(ctx, storeScenario(t, 2), true)
	if err != nil {
		t.Fatal(err)
	}
	if want.store != nil || want.dest.res == nil {
		t.Fatal("the eager reference made a drawStore")
	}
	for _, workers := range []int{1, 3} {
		got, err := headcounts(ctx, storeScenario(t, workers), false)
		if err != nil {
			t.Fatal(err)
		}
		if got.store == nil || got.dest.res != nil {
			t.Fatal("the run kept every output instead of a drawStore")
		}
		for _, s := range got.Sectors() {
			sameSummary(t, "sector "+s.String(), want.SectorSummary(s), got.SectorSummary(s))
			if w, g := want.SectorDraws(s), got.SectorDraws(s); !slices.Equal(w, g) {
				t.Errorf("SectorDraws(%v) differ from the reference's", s)
			}
			for _, k := range SkillLevels() {
				sameSummary(t, "cell", want.Summary(s, k), got.Summary(s, k))
				wl, wh := want.Interval(s, k)
				gl, gh := got.Interval(s, k)
				if wl != gl || wh != gh {
					t.Errorf("Interval(%v, %v) = %v, %v; want %v, %v", s, k, gl, gh, wl, wh)
				}
			}
		}
		for _, k := range SkillLevels() {
			sameSummary(t, "skill", want.SkillSummary(k), got.SkillSummary(k))
		}
		for _, b := range Bands() {
			sameSummary(t, "band", want.BandSummary(b), got.BandSummary(b))
		}
		sameSummary(t, "total", want.TotalSummary(), got.TotalSummary())
		for _, d := range got.Destinations() {
			sameSummary(t, "destination "+d.String(), want.DestinationSummary(d), got.DestinationSummary(d))
			wl, wh := want.DestinationInterval(d)
			gl, gh := got.DestinationInterval(d)
			if wl != gl || wh != gh {
				t.Errorf("DestinationInterval(%v) = %v, %v; want %v, %v", d, gl, gh, wl, wh)
			}
			for _, s := range got.Sectors() {
				sameSummary(t, "destination × sector", want.DestinationSectorSummary(d, s), got.DestinationSectorSummary(d, s))
				wl, wh := want.DestinationSectorInterval(d, s)
				gl, gh := got.DestinationSectorInterval(d, s)
				if wl != gl || wh != gh {
					t.Errorf("DestinationSectorInterval(%v, %v) = %v, %v; want %v, %v", d, s, gl, gh, wl, wh)
				}
			}
			for _, k := range SkillLevels() {
				sameSummary(t, "destination × skill", want.DestinationSkillSummary(d, k), got.DestinationSkillSummary(d, k))
				wl, wh := want.DestinationSkillInterval(d, k)
				gl, gh := got.DestinationSkillInterval(d, k)
				if wl != gl || wh != gh {
					t.Errorf("DestinationSkillInterval(%v, %v) = %v, %v; want %v, %v", d, k, gl, gh, wl, wh)
				}
			}
			for _, b := range Bands() {
				sameSummary(t, "destination × band", want.DestinationBandSummary(d, b), got.DestinationBandSummary(d, b))
				wl, wh := want.DestinationBandInterval(d, b)
				gl, gh := got.DestinationBandInterval(d, b)
				if wl != gl || wh != gh {
					t.Errorf("DestinationBandInterval(%v, %v) = %v, %v; want %v, %v", d, b, gl, gh, wl, wh)
				}
			}
		}
		if ws, gs := want.TotalSummary().Estimate().Sources(), got.Summary(Information, Skill4).Estimate().Sources(); len(ws) != len(gs) || len(gs) == 0 {
			t.Errorf("a summary made on demand carries %d sources, want %d", len(gs), len(ws))
		}
	}
}

// TestStreamWithDestinations checks that a streaming run, which keeps no
// draws, is refused with destinations (made from every draw's cells)
// instead of panicking.
func TestStreamWithDestinations(t *testing.T) {
	sc := storeScenario(t, 2)
	sc.MonteCarlo.Stream = true
	if _, err := Headcounts(context.Background(), sc); !errors.Is(err, ErrBadValue) {
		t.Fatalf("Headcounts with Stream and Destinations: error %v, want ErrBadValue", err)
	}
}
