package estimate

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
)

// blockStats are the four quantities whose stability JCGM 101:2008 §7.9.4
// checks for one output in one block: the mean, the standard uncertainty
// and the ends of the coverage interval.
type blockStats struct{ y, u, lo, hi float64 }

// runAdaptive implements the adaptive Monte Carlo procedure of JCGM
// 101:2008 §7.9.4: blocks of M draws run until, for every output, twice
// the standard deviation of each of the h block values of y, u(y), y_low
// and y_high, divided by √h, is within the tolerance δ = Tolerance·u(y),
// u(y) being computed from all h·M draws. Blocks are consecutive chunks of
// one run, so the result equals a fixed run of the same number of draws.
func (m *Model) runAdaptive(ctx context.Context, outputs int, f Func, opt Options) (*Result, error) {
	M := opt.Draws
	cols := make([][]float64, outputs)
	stats := make([][]blockStats, outputs)
	scratch := make([]float64, M)
	var prog func(int)
	done := 0
	if opt.Progress != nil {
		prog = func(n int) { opt.Progress(done+n, opt.MaxDraws) }
	}
	block := make([][]float64, outputs)
	for h := 1; ; h++ {
		first := (h - 1) * M
		for o := range block {
			cols[o] = slices.Grow(cols[o], M)[:first+M]
			block[o] = cols[o][first : first+M]
		}
		if err := m.runRange(ctx, f, opt, block, first, M, "up to "+strconv.Itoa(opt.MaxDraws), prog, nil); err != nil {
			return nil, err
		}
		done += M
		for o, b := range block {
			copy(scratch, b)
			slices.Sort(scratch)
			y, u := meanSD(scratch)
			lo, hi := sampleQuantile(scratch, (1-opt.Coverage)/2, opt.Quantile), sampleQuantile(scratch, (1+opt.Coverage)/2, opt.Quantile)
			stats[o] = append(stats[o], blockStats{y, u, lo, hi})
		}
		if h >= 2 && stable(cols, stats, opt.Tolerance) {
			return m.newResult(cols, opt, true), nil
		}
		if done+M > opt.MaxDraws {
			return m.newResult(cols, opt, false), fmt.Errorf("estimate: Run: tolerance %g not reached in %d draws (Options.MaxDraws %d): %w",
				opt.Tolerance, done, opt.MaxDraws, ErrNotConverged)
		}
	}
}

// stable applies the stopping rule of JCGM 101:2008 §7.9.4 g)–j).
func stable(cols [][]float64, stats [][]blockStats, tol float64) bool {
	for o, st := range stats {
		_, u := meanSD(cols[o])
		delta := tol * u
		h := float64(len(st))
		for _, get := range [...]func(blockStats) float64{
			func(b blockStats) float64 { return b.y },
			func(b blockStats) float64 { return b.u },
			func(b blockStats) float64 { return b.lo },
			func(b blockStats) float64 { return b.hi },
		} {
			var sum float64
			for _, b := range st {
				sum += get(b)
			}
			mean := sum / h
			var ss float64
			for _, b := range st {
				d := get(b) - mean
				ss += d * d
			}
			s := math.Sqrt(ss / (h * (h - 1)))
			if 2*s > delta {
				return false
			}
		}
	}
	return true
}
