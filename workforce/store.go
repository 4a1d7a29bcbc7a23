package workforce

import (
	"context"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/exodus-lab/exodus/estimate"
)

// A drawStore keeps the draws of a fixed-size run of [NewHeadcount] that the
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
	cells []float64 // the r×4 cells of draw i at [i·r·4, (i+1)·r·4)
	share []float64 // the nd shares of draw i at [i·nd, (i+1)·nd); nil without destinations
	dp    *destPlan

	secOnce sync.Once
	sec     []float64 // the r sector totals of draw i at [i·r, (i+1)·r), made on first use

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
	st.cells = make([]float64, draws*r*NumSkillLevels)
	return st
}

// maxGroup is the most outputs made in one pass over the draws: the
// memory a pass holds is 8 bytes per draw for each.
const maxGroup = 8

// group returns the outputs made together with output o: those that read
// the same quantities, at most maxGroup.
func (st *drawStore) group(o int, dest bool) (lo, hi int) {
	c, r := NumSkillLevels, st.r
	span := func(first, n int) (int, int) { // the block of maxGroup in [first, first+n) holding o
		k := (o - first) / maxGroup
		return first + k*maxGroup, min(first+(k+1)*maxGroup, first+n)
	}
	if !dest {
		switch {
		case o < r*c: // whole sectors' cells, which share cache lines
			return span(0, r*c)
		case o < r*c+r:
			return span(r*c, r)
		default:
			return r*c + r, r*c + r + c + NumBands // skill levels and bands
		}
	}
	nd := st.dp.nd
	switch {
	case o < nd:
		return span(0, nd)
	case o < nd+nd*r: // one destination's sectors
		d := (o - nd) / r
		first := nd + d*r
		return span(first, r)
	case o < nd+nd*r+nd*c: // one destination's skill levels and bands
		d := (o - nd - nd*r) / c
		return nd + nd*r + d*c, nd + nd*r + d*c + c
	default:
		d := (o - nd - nd*r - nd*c) / NumBands
		first := nd + nd*r + nd*c + d*NumBands
		return first, first + NumBands
	}
}

// sectors sets sec[s] to draw i of sector s's total, summed as the
// per-draw model sums it.
func (st *drawStore) sectors(sec []float64, i int) {
	x := st.draw(i)
	for s := range st.r {
		v := 0.0
		for _, c := range x[s*NumSkillLevels : (s+1)*NumSkillLevels] {
			v += c
		}
		sec[s] = v
	}
}

// sectorTotals returns the sector totals of every draw, draw-major,
// making them on first use: 8 bytes per sector and draw, read by most
// views instead of the cells.
func (st *drawStore) sectorTotals() []float64 {
	st.secOnce.Do(func() {
		st.sec = make([]float64, st.draws*st.r)
		for i := range st.draws {
			st.sectors(st.sec[i*st.r:(i+1)*st.r], i)
		}
	})
	return st.sec
}

// draw returns the cells of draw i.
func (st *drawStore) draw(i int) []float64 {
	n := st.r * NumSkillLevels
	return st.cells[i*n : (i+1)*n : (i+1)*n]
}

// skills sets cols[j] to draw i of skill level j+1's total.
func (st *drawStore) skills(cols []float64, i int) {
	x := st.draw(i)
	for j := range cols {
		v := 0.0
		for s := range st.r {
			v += x[s*NumSkillLevels+j]
		}
		cols[j] = v
	}
}

// value returns draw i of output o of the table (cells, sector totals,
// skill totals, band totals), as laid out by [plan.outputs]; the grand
// total is not stored here. sec holds the draw's sector totals when o is
// one.
func (st *drawStore) value(o, i int, sec, cols []float64) float64 {
	c, r := NumSkillLevels, st.r
	switch {
	case o < r*c:
		return st.draw(i)[o]
	case o < r*c+r:
		return sec[o-r*c]
	default:
		if o < r*c+r+c {
			return cols[o-r*c-r]
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
// sector totals sec, as [destPlan.spread] makes it.
func (st *drawStore) destValue(o, i int, sec []float64) float64 {
	c, r, nd := NumSkillLevels, st.r, st.dp.nd
	switch {
	case o < nd: // destination total: Σ over sectors of y[d, s]
		sh := st.share[i*nd+o]
		v := 0.0
		for s := range r {
			v += sh * sec[s]
		}
		return v
	case o < nd+nd*r: // destination × sector
		k := o - nd
		return st.share[i*nd+k/r] * sec[k%r]
	case o < nd+nd*r+nd*c: // destination × skill level
		k := o - nd - nd*r
		return st.destSkill(k/c, k%c, i, sec)
	default: // destination × band
		k := o - nd - nd*r - nd*c
		d, b := k/NumBands, k%NumBands
		v := 0.0
		for j := range c {
			if int(SkillLevel(j+1).Band())-1 == b {
				v += st.destSkill(d, j, i, sec)
			}
		}
		return v
	}
}

// destSkill returns draw i of destination d at skill level j+1: the sum
// over sectors of y[d, s]/S[s]·x[s, j], as [destPlan.spread] makes it.
func (st *drawStore) destSkill(d, j, i int, sec []float64) float64 {
	sh := st.share[i*st.dp.nd+d]
	x := st.draw(i)
	v := 0.0
	for s, srow := range sec[:st.r] {
		if srow == 0 {
			continue
		}
		f := sh * srow / srow
		v += f * x[s*NumSkillLevels+j]
	}
	return v
}

// run runs a model without random inputs whose outputs are, draw by draw,
// the values of outputs [lo, hi) (of the destination views if dest): the
// summaries a run keeping those outputs would give. The model's one input
// is a point that carries the sources of the run, so that
// [estimate.Summary.Estimate] keeps them.
func (st *drawStore) run(lo, hi int, dest bool) *estimate.Result {
	m := estimate.NewModel()
	m.Input(st.src)
	rc, r := st.r*NumSkillLevels, st.r
	var secs []float64
	if dest || (lo >= rc && lo < rc+r) {
		secs = st.sectorTotals()
	}
	needCols := !dest && lo >= rc+r
	f := func(d *estimate.Draw, out []float64) {
		i := d.Index()
		var sec []float64
		if secs != nil {
			sec = secs[i*r : (i+1)*r : (i+1)*r]
		}
		var cols [NumSkillLevels]float64
		if needCols {
			st.skills(cols[:], i)
		}
		for k := range out {
			if dest {
				out[k] = st.destValue(lo+k, i, sec)
			} else {
				out[k] = st.value(lo+k, i, sec, cols[:])
			}
		}
	}
	res, err := m.Run(context.Background(), hi-lo, f, st.opt)
	if err != nil { // the draws are finite, and most of the memory is held already
		return nil
	}
	return res
}

// summary returns the summary of output o.
func (st *drawStore) summary(o int, dest bool) estimate.Summary {
	res := st.run(o, o+1, dest)
	if res == nil {
		return estimate.Summary{}
	}
	return res.Output(0)
}

// interval returns the interval of output o at level. It makes the
// outputs of o's group together, finds all their intervals, on as many
// goroutines as the run had workers, and remembers them.
func (st *drawStore) interval(o int, dest bool, level float64) (lo, hi float64) {
	key := storeKey{o, dest, level}
	st.mu.Lock()
	defer st.mu.Unlock()
	if v, ok := st.ivals[key]; ok {
		return v[0], v[1]
	}
	first, last := st.group(o, dest)
	res := st.run(first, last, dest)
	ivals := make([][2]float64, last-first)
	workers := st.opt.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, len(ivals)) {
		wg.Go(func() {
			for {
				k := int(next.Add(1) - 1)
				if k >= len(ivals) {
					return
				}
				ivals[k][0], ivals[k][1] = math.NaN(), math.NaN()
				if res != nil {
					ivals[k][0], ivals[k][1] = res.Output(k).Interval(level)
				}
			}
		})
	}
	wg.Wait()
	for k, v := range ivals {
		st.ivals[storeKey{first + k, dest, level}] = v
	}
	v := st.ivals[key]
	return v[0], v[1]
}
