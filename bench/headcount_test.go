package bench_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

// headcountScenario is the main job's kind of scenario (examples/exodus):
// an uncertain total, the surveys' sector profile (a fit of the workforce
// to both margins in every draw), skill bands and the default destinations.
func headcountScenario(b *testing.B, draws int) workforce.Scenario {
	b.Helper()
	total, err := estimate.Between(600_000, 1_300_000)
	if err != nil {
		b.Fatal(err)
	}
	bands, err := estimate.DirichletMean([]float64{0.1, 0.1, 0.8}, 172)
	if err != nil {
		b.Fatal(err)
	}
	return workforce.Scenario{
		Total: total, Profile: workforce.DefaultSectorProfile(), Bands: bands,
		Destinations: workforce.DefaultDestinationMix(),
		MonteCarlo:   estimate.Options{Draws: draws, Seed: 1},
	}
}

// allIntervals asks for every interval a Headcount has: cells, sectors,
// skill levels, bands, the total and every destination view. It returns
// their count.
func allIntervals(h *workforce.Headcount) int {
	n := 0
	for _, s := range h.Sectors() {
		h.BySector(s).Interval()
		n++
		for _, k := range workforce.SkillLevels() {
			h.Cell(s, k).Interval()
			n++
		}
	}
	for _, k := range workforce.SkillLevels() {
		h.BySkill(k).Interval()
		n++
	}
	for _, bd := range workforce.Bands() {
		h.ByBand(bd).Interval()
		n++
	}
	h.Total().Interval()
	n++
	for _, d := range h.Destinations() {
		h.ByDestination(d).Interval()
		n++
		for _, s := range h.Sectors() {
			h.ByDestinationSector(d, s).Interval()
			n++
		}
		for _, k := range workforce.SkillLevels() {
			h.ByDestinationSkill(d, k).Interval()
			n++
		}
		for _, bd := range workforce.Bands() {
			h.ByDestinationBand(d, bd).Interval()
			n++
		}
	}
	return n
}

// BenchmarkHeadcounts measures workforce.Headcounts on the main job's
// scenario, with every one of its intervals (461 for the default
// workforce and destinations), from 10⁴ to 10⁷ draws: how time and
// allocation grow with the draws (issue 12 §5). 10⁷ draws keep 6.7 GB of
// cells; run it alone:
//
//	go test ./bench/ -run XXX -bench 'Headcounts/draws=(10000|100000|1000000)$' -benchtime 1x -count 6
//	go test ./bench/ -run XXX -bench 'Headcounts/draws=10000000$' -benchtime 1x
func BenchmarkHeadcounts(b *testing.B) {
	for _, draws := range []int{10_000, 100_000, 1_000_000, 10_000_000} {
		b.Run("draws="+strconv.Itoa(draws), func(b *testing.B) {
			sc := headcountScenario(b, draws)
			b.ReportAllocs()
			intervals := 0
			for b.Loop() {
				h, err := workforce.NewHeadcount(context.Background(), sc)
				if err != nil {
					b.Fatal(err)
				}
				intervals = allIntervals(h)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*draws), "ns/draw")
			b.ReportMetric(float64(intervals), "intervals")
		})
	}
}
