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
			sameSummary(t, "sector "+s.String(), want.BySector(s).Summary(), got.BySector(s).Summary())
			if w, g := want.BySector(s).Samples(), got.BySector(s).Samples(); !slices.Equal(w, g) {
				t.Errorf("SectorDraws(%v) differ from the reference's", s)
			}
			for _, k := range SkillLevels() {
				sameSummary(t, "cell", want.Cell(s, k).Summary(), got.Cell(s, k).Summary())
				wl, wh := want.Cell(s, k).Interval()
				gl, gh := got.Cell(s, k).Interval()
				if wl != gl || wh != gh {
					t.Errorf("Interval(%v, %v) = %v, %v; want %v, %v", s, k, gl, gh, wl, wh)
				}
			}
		}
		for _, k := range SkillLevels() {
			sameSummary(t, "skill", want.BySkill(k).Summary(), got.BySkill(k).Summary())
		}
		for _, b := range Bands() {
			sameSummary(t, "band", want.ByBand(b).Summary(), got.ByBand(b).Summary())
		}
		sameSummary(t, "total", want.Total().Summary(), got.Total().Summary())
		for _, d := range got.Destinations() {
			sameSummary(t, "destination "+d.String(), want.ByDestination(d).Summary(), got.ByDestination(d).Summary())
			wl, wh := want.ByDestination(d).Interval()
			gl, gh := got.ByDestination(d).Interval()
			if wl != gl || wh != gh {
				t.Errorf("DestinationInterval(%v) = %v, %v; want %v, %v", d, gl, gh, wl, wh)
			}
			for _, s := range got.Sectors() {
				sameSummary(t, "destination × sector", want.ByDestinationSector(d, s).Summary(), got.ByDestinationSector(d, s).Summary())
				wl, wh := want.ByDestinationSector(d, s).Interval()
				gl, gh := got.ByDestinationSector(d, s).Interval()
				if wl != gl || wh != gh {
					t.Errorf("DestinationSectorInterval(%v, %v) = %v, %v; want %v, %v", d, s, gl, gh, wl, wh)
				}
			}
			for _, k := range SkillLevels() {
				sameSummary(t, "destination × skill", want.ByDestinationSkill(d, k).Summary(), got.ByDestinationSkill(d, k).Summary())
				wl, wh := want.ByDestinationSkill(d, k).Interval()
				gl, gh := got.ByDestinationSkill(d, k).Interval()
				if wl != gl || wh != gh {
					t.Errorf("DestinationSkillInterval(%v, %v) = %v, %v; want %v, %v", d, k, gl, gh, wl, wh)
				}
			}
			for _, b := range Bands() {
				sameSummary(t, "destination × band", want.ByDestinationBand(d, b).Summary(), got.ByDestinationBand(d, b).Summary())
				wl, wh := want.ByDestinationBand(d, b).Interval()
				gl, gh := got.ByDestinationBand(d, b).Interval()
				if wl != gl || wh != gh {
					t.Errorf("DestinationBandInterval(%v, %v) = %v, %v; want %v, %v", d, b, gl, gh, wl, wh)
				}
			}
		}
		if ws, gs := want.Total().Summary().Estimate().Sources(), got.Cell(Information, Skill4).Summary().Estimate().Sources(); len(ws) != len(gs) || len(gs) == 0 {
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
	if _, err := NewHeadcount(context.Background(), sc); !errors.Is(err, ErrBadValue) {
		t.Fatalf("Headcounts with Stream and Destinations: error %v, want ErrBadValue", err)
	}
}
