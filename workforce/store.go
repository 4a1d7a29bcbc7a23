package workforce

import (
	"context"
	"sync"

	"github.com/exodus-lab/exodus/estimate"
)

// A drawStore keeps the draws of a fixed-size run of [Headcounts] that the
// outputs are made of: the sector × skill cells of every draw and, with
// destinations, the destination shares of every draw, one column per
// quantity. Every other output (sector, skill-level and band totals, the
// destination views) is a fixed function of them, computed draw by draw in
// the same order of floating-point operations as the per-draw model, so
// that each output is bit-identical to what a run keeping all of them
// gives. The Monte Carlo summary of an output is made on demand, from its
// column of draws, and its interval is remembered.
//
// This keeps 8 bytes per draw for each cell (84 for the default workforce)
// and each destination instead of for each of the 113 outputs of the
// table and the 348 of the destination views, and finds intervals only
// for the outputs asked for (issue 12 §5).
type drawStore struct {
	draws int
	opt   estimate.Options // Seed, Workers and Quantile of the run
	src   estimate.Estimate
	r     int
	cells [][]float64 // r×4 columns of draws
	share [][]float64 // nd columns of draws; nil without destinations
	dp    *destPlan

	mu    sync.Mutex
	ivals map[storeKey][2]float64
}

type storeKey struct {
	o     int
	dest  bool
	level float64
}

func newDrawStore(draws, r int, opt estimate.Options) *drawStore {
	st := &drawStore{draws: draws, r: r, ivals: map[storeKey][2]float64{}}
	st.opt = estimate.Options{Draws: draws, Seed: opt.Seed, Workers: opt.Workers, Quantile: opt.Quantile}
	st.cells = make([][]float64, r*NumSkillLevels)
	for o := range st.cells {
		st.cells[o] = make([]float64, draws)
	}
	return st
}

// sector returns draw i of sector s's total, summed as the per-draw model
// sums it.
func (st *drawStore) sector(s, i int) float64 {
	v := 0.0
	for j := range NumSkillLevels {
		v += st.cells[s*NumSkillLevels+j][i]
	}
	return v
}

// skill returns draw i of skill level j+1's total.
func (st *drawStore) skill(j, i int) float64 {
	v := 0.0
	for s := range st.r {
		v += st.cells[s*NumSkillLevels+j][i]
	}
	return v
}

// value returns draw i of output o of the table (cells, sector totals,
// skill totals, band totals), as laid out by [plan.outputs]; the grand
// total is not stored here.
func (st *drawStore) value(o, i int) float64 {
	c, r := NumSkillLevels, st.r
	switch {
	case o < r*c:
		return st.cells[o][i]
	case o < r*c+r:
		return st.sector(o-r*c, i)
	case o < r*c+r+c:
		return st.skill(o-r*c-r, i)
	default:
		var cols [NumSkillLevels]float64
		for j := range cols {
			cols[j] = st.skill(j, i)
		}
		var bands [NumBands]float64
		for j, v := range cols {
			bands[SkillLevel(j+1).Band()-1] += v
		}
		return bands[o-r*c-r-c]
	}
}

// destValue returns draw i of output o of the destination views, as laid
// out by [destPlan.outputs], for destination shares without a seed
// (independence): the destination × sector table is the shares times the
// sector totals, as [destPlan.spread] makes it.
func (st *drawStore) destValue(o, i int) float64 {
	c, r, nd := NumSkillLevels, st.r, st.dp.nd
	switch {
	case o < nd: // destination total: Σ over sectors of y[d, s]
		sh := st.share[o][i]
		v := 0.0
		for s := range r {
			v += sh * st.sector(s, i)
		}
		return v
	case o < nd+nd*r: // destination × sector
		k := o - nd
		return st.share[k/r][i] * st.sector(k%r, i)
	case o < nd+nd*r+nd*c: // destination × skill level
		k := o - nd - nd*r
		return st.destSkill(k/c, k%c, i)
	default: // destination × band
		k := o - nd - nd*r - nd*c
		d, b := k/NumBands, k%NumBands
		v := 0.0
		for j := range c {
			if int(SkillLevel(j+1).Band())-1 == b {
				v += st.destSkill(d, j, i)
			}
		}
		return v
	}
}

// destSkill returns draw i of destination d at skill level j+1: the sum
// over sectors of y[d, s]/S[s]·x[s, j], as [destPlan.spread] makes it.
func (st *drawStore) destSkill(d, j, i int) float64 {
	sh := st.share[d][i]
	v := 0.0
	for s := range st.r {
		srow := st.sector(s, i)
		if srow == 0 {
			continue
		}
		f := sh * srow / srow
		v += f * st.cells[s*NumSkillLevels+j][i]
	}
	return v
}

// summary runs a model without random inputs whose one output is draw by
// draw the value of output o (of the destination views if dest): the
// summary a run keeping that output would give. The model's one input is
// a point that carries the sources of the run, so that
// [estimate.Summary.Estimate] keeps them.
func (st *drawStore) summary(o int, dest bool) estimate.Summary {
	m := estimate.NewModel()
	m.Input(st.src)
	f := func(d *estimate.Draw, out []float64) {
		if dest {
			out[0] = st.destValue(o, d.Index())
		} else {
			out[0] = st.value(o, d.Index())
		}
	}
	res, err := m.Run(context.Background(), 1, f, st.opt)
	if err != nil { // the draws are finite, and the memory is already held
		return estimate.Summary{}
	}
	return res.Output(0)
}

// interval returns the interval of output o at level, remembered.
func (st *drawStore) interval(o int, dest bool, level float64) (lo, hi float64) {
	key := storeKey{o, dest, level}
	st.mu.Lock()
	v, ok := st.ivals[key]
	st.mu.Unlock()
	if ok {
		return v[0], v[1]
	}
	lo, hi = st.summary(o, dest).Interval(level)
	st.mu.Lock()
	st.ivals[key] = [2]float64{lo, hi}
	st.mu.Unlock()
	return lo, hi
}
