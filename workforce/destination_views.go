package workforce

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/exodus-lab/exodus/estimate"
)

// destPlan is a validated [Scenario].Destinations, aligned with the
// workforce's sectors.
type destPlan struct {
	mix  DestinationMix
	nd   int
	r    int
	seed []float64 // nd×r in workforce row order; nil: independence
}

// planDestinations validates sc.Destinations against the workforce's
// sectors; nil when the scenario has none.
func planDestinations(sc Scenario, sectors []Sector) (*destPlan, error) {
	m := sc.Destinations
	if m.IsZero() {
		return nil, nil
	}
	dp := &destPlan{mix: m, nd: len(m.dests), r: len(sectors)}
	if m.seed != nil {
		c := len(m.seedCols)
		if c != dp.r {
			return nil, fmt.Errorf("workforce: headcounts: destination seed has %d sector columns %v for %d workforce sectors %v: %w", c, m.seedCols, dp.r, sectors, ErrShape)
		}
		dp.seed = make([]float64, dp.nd*dp.r)
		for j, s := range sectors {
			k := slices.Index(m.seedCols, s)
			if k < 0 {
				return nil, fmt.Errorf("workforce: headcounts: destination seed has no column for workforce sector %v: %w", s, ErrShape)
			}
			for i := range dp.nd {
				dp.seed[i*dp.r+j] = m.seed[i*c+k]
			}
		}
	}
	return dp, nil
}

// destViews holds the destination views of a [Headcount].
type destViews struct {
	dests []Destination
	at    [NumDestinations + 1]int // index+1 of each destination; 0 if absent
	tot   []int64                  // nd
	ds    []int64                  // nd × sectors
	dk    []int64                  // nd × 4
	expD  []float64
	expDS []float64
	expDK []float64
	res   *estimate.Result
}

// destBuf is the scratch space of one draw.
type destBuf struct{ x, srow, y, z, cols, buf []float64 }

func (dp *destPlan) newBuf() *destBuf {
	c := NumSkillLevels
	return &destBuf{x: make([]float64, dp.r*c), srow: make([]float64, dp.r), y: make([]float64, dp.nd*dp.r), z: make([]float64, dp.nd*c), cols: make([]float64, dp.nd), buf: make([]float64, dp.r)}
}

// spread computes, from the sector × skill table x (r×4, total t) and the
// destination shares, the destination × sector table b.y (nd×r) and the
// destination × skill table b.z (nd×4): the 3-D table X[d,s,k] =
// Y[d,s]·x[s,k]/S[s], where Y is the destination × sector table (shares ⊗
// sector totals, or the seed fitted to both) and S the sector totals.
func (dp *destPlan) spread(b *destBuf, t float64, shares []float64, tol float64, maxIter int) FitReport {
	c, r, nd := NumSkillLevels, dp.r, dp.nd
	clear(b.srow)
	for k, v := range b.x {
		b.srow[k/c] += v
	}
	rep := FitReport{Converged: true}
	if dp.seed == nil {
		for d := range nd {
			for s := range r {
				b.y[d*r+s] = shares[d] * b.srow[s]
			}
		}
	} else {
		copy(b.y, dp.seed)
		for d := range nd {
			b.cols[d] = shares[d] * t
		}
		// The seed's rows are destinations, its columns sectors.
		rep = fit2(b.y, nd, r, b.cols, b.srow, tol, maxIter, b.buf)
	}
	clear(b.z)
	for d := range nd {
		for s := range r {
			if b.srow[s] == 0 {
				continue
			}
			f := b.y[d*r+s] / b.srow[s]
			for k := range c {
				b.z[d*c+k] += f * b.x[s*c+k]
			}
		}
	}
	return rep
}

// apply adds the destination views to h: the point result, then the
// Monte Carlo intervals from the draws of h's own run. A nil dp does
// nothing.
func (dp *destPlan) apply(ctx context.Context, h *Headcount, mc estimate.Options) error {
	if dp == nil {
		return nil
	}
	m := dp.mix
	n := h.total
	if m.counts && float64(n) < m.lowNamed*(1-1e-9) {
		return fmt.Errorf("workforce: headcounts: destination counts for the named countries add up to at least %s, more than the %d people who left: %w", people(m.lowNamed), n, ErrInconsistent)
	}
	c, r, nd := NumSkillLevels, dp.r, dp.nd
	v := &destViews{dests: m.dests}
	for i, d := range m.dests {
		v.at[d] = i + 1
	}
	// Point: the unrounded 3-D table from the point sector × skill table.
	b := dp.newBuf()
	copy(b.x, h.expected)
	if dp.seed != nil && n > 0 {
		srow, drow := make([]float64, r), make([]float64, nd)
		for k, x := range b.x {
			srow[k/c] += x
		}
		for d, p := range m.point {
			drow[d] = p * float64(n)
		}
		if !reachable2(dp.seed, nd, r, drow, srow) {
			return fmt.Errorf("workforce: headcounts: no destination × sector table with the seed's zero cells has the destination shares and the sector totals: %w", ErrInfeasible)
		}
	}
	if rep := dp.spread(b, float64(n), m.point, pointTol, 10000); !rep.Converged {
		return fmt.Errorf("workforce: headcounts: fitting the destination seed: error %.3g after %d iterations: %w", rep.MaxError, rep.Iterations, ErrNotConverged)
	}
	v.expDS, v.expDK = slices.Clone(b.y), slices.Clone(b.z)
	v.expD = make([]float64, nd)
	for k, y := range b.y {
		v.expD[k/r] += y
	}
	// Destination × sector: columns fixed to the sector totals of the
	// sector × skill table, rows (the destination totals) rounded with it.
	sInt := make([]int64, r)
	kInt := make([]int64, c)
	for k, x := range h.cells {
		sInt[k/c] += x
		kInt[k%c] += x
	}
	y := slices.Clone(b.y)
	for s := range r {
		if b.srow[s] > 0 {
			f := float64(sInt[s]) / b.srow[s]
			for d := range nd {
				y[d*r+s] *= f
			}
		}
	}
	var err error
	if v.ds, err = roundFixed(y, nd, r, nil, sInt); err != nil {
		return nest(err, "workforce: headcounts: destination × sector")
	}
	v.tot = make([]int64, nd)
	for k, x := range v.ds {
		v.tot[k/r] += x
	}
	// Destination × skill: the unrounded table fitted to the destination
	// totals just rounded and the skill totals, then rounded with both
	// fixed.
	z := slices.Clone(b.z)
	rows, cols := make([]float64, nd), make([]float64, c)
	for d, x := range v.tot {
		rows[d] = float64(x)
	}
	for k, x := range kInt {
		cols[k] = float64(x)
	}
	if n > 0 {
		if !reachable2(z, nd, c, rows, cols) {
			return fmt.Errorf("workforce: headcounts: no destination × skill table with the unrounded table's empty cells has the rounded totals: %w", ErrInfeasible)
		}
		if rep := fit2(z, nd, c, rows, cols, pointTol, 10000, make([]float64, c)); !rep.Converged {
			return fmt.Errorf("workforce: headcounts: fitting destination × skill to the rounded totals: error %.3g after %d iterations: %w", rep.MaxError, rep.Iterations, ErrNotConverged)
		}
	}
	if v.dk, err = roundFixed(z, nd, c, v.tot, kInt); err != nil {
		return nest(err, "workforce: headcounts: destination × skill")
	}
	// Intervals, from the draws of h's run.
	switch {
	case h.res == nil:
	case mc.Stream:
		return fmt.Errorf("workforce: headcounts: destinations are made from every draw of the cells, and MonteCarlo.Stream keeps none: %w", ErrBadValue)
	case h.store != nil && dp.seed == nil:
		// Every view is a fixed function of the cells and the shares of a
		// draw: keep the shares, make the views on demand.
		if err := dp.drawShares(ctx, h.store, mc); err != nil {
			return err
		}
	default:
		if v.res, err = dp.simulate(ctx, h, mc); err != nil {
			return err
		}
	}
	h.dest = v
	h.sources = dedupe(append(h.sources, m.Sources()...))
	note := "destinations: " + nameOr(m.name, "given")
	if m.counts {
		note += "; counts scaled to the total"
	}
	if dp.seed == nil {
		note += "; sector and skill mix the same in every destination (independence: an assumption, as the sources do not say otherwise)"
	} else {
		note += "; destination × sector seed fitted to the destination and sector totals by iterative proportional fitting, skill mix within a sector the same in every destination"
	}
	h.notes = append(h.notes, note, "destination views: destination × sector rounded with the sector totals fixed; destination × skill level fitted to those destination totals and the skill totals, then rounded with both fixed")
	return nil
}

// Output layout of the destination run: destination totals (nd),
// destination × sector (nd×r), destination × skill level (nd×4),
// destination × band (nd×3).
func (dp *destPlan) outputs() int { return dp.nd * (1 + dp.r + NumSkillLevels + NumBands) }

// simulate draws the destination shares once per draw of h's run and
// spreads that draw's unrounded sector × skill table over them.
func (dp *destPlan) simulate(ctx context.Context, h *Headcount, mc estimate.Options) (*estimate.Result, error) {
	c, r, nd := NumSkillLevels, dp.r, dp.nd
	draws := h.res.Draws()
	var cells [][]float64 // without a store: each cell's draws
	if h.store == nil {
		cells = make([][]float64, r*c)
		for o := range cells {
			cells[o] = h.res.Output(o).Samples()
		}
	}
	m := estimate.NewModel()
	sv := m.Shares(dp.mix.comp)
	pool := sync.Pool{New: func() any { return dp.newBuf() }}
	f := func(d *estimate.Draw, out []float64) {
		b := pool.Get().(*destBuf)
		defer pool.Put(b)
		i := d.Index()
		t := 0.0
		for o := range b.x {
			if cells == nil {
				b.x[o] = h.store.draw(i)[o]
			} else {
				b.x[o] = cells[o][i]
			}
			t += b.x[o]
		}
		dp.spread(b, t, d.Shares(sv), drawTol, drawIter)
		tot := out[:nd]
		clear(tot)
		for k, y := range b.y {
			tot[k/r] += y
		}
		copy(out[nd:], b.y)
		copy(out[nd+nd*r:], b.z)
		bands := out[nd+nd*r+nd*c:]
		clear(bands)
		for k, z := range b.z {
			bands[(k/c)*NumBands+int(SkillLevel(k%c+1).Band())-1] += z
		}
	}
	opt := estimate.Options{Draws: draws, Seed: mc.Seed, Workers: mc.Workers, Quantile: mc.Quantile}
	res, err := m.Run(ctx, dp.outputs(), f, opt)
	if err != nil && !errors.Is(err, estimate.ErrNotConverged) {
		return nil, fmt.Errorf("workforce: headcounts: destinations: %w", err)
	}
	return res, nil
}

// drawShares draws the destination shares of every draw of st's run into
// st, as [destPlan.simulate] draws them (the same model, options and
// seed, so the same shares).
func (dp *destPlan) drawShares(ctx context.Context, st *drawStore, mc estimate.Options) error {
	st.share = make([]float64, st.draws*dp.nd)
	m := estimate.NewModel()
	sv := m.Shares(dp.mix.comp)
	f := func(d *estimate.Draw, out []float64) {
		sh := d.Shares(sv)
		copy(st.share[d.Index()*dp.nd:], sh[:dp.nd])
		out[0] = sh[0]
	}
	opt := estimate.Options{Draws: st.draws, Seed: mc.Seed, Workers: mc.Workers, Quantile: mc.Quantile}
	if _, err := m.Run(ctx, 1, f, opt); err != nil && !errors.Is(err, estimate.ErrNotConverged) {
		return fmt.Errorf("workforce: headcounts: destinations: %w", err)
	}
	st.dp = dp
	return nil
}

// roundFixed is controlled rounding of the r×c row-major y ≥ 0 to
// integers whose column totals are cols exactly and whose row totals are
// rows exactly, or, for nil rows, each one of the two integers adjacent to
// the row's total in y. Every cell moves to an adjacent integer. A
// solution exists whenever y's column totals (and row totals, if rows is
// given) equal the targets: y itself is then a fractional flow meeting
// integral bounds, and so an integral one exists (the integrality theorem
// of network flows); floating-point noise below one person in a line does
// not change that. Among the solutions it picks one of least total
// absolute change for tables within the size limit of [ControlledRound].
func roundFixed(y []float64, r, c int, rows, cols []int64) ([]int64, error) {
	out := make([]int64, len(y))
	frac := make([]float64, len(y))
	rowS := make([]kahan, r)
	fl := newFloors(r, c)
	var total int64
	for k, x := range y {
		if !finiteNonNeg(x) || x > maxExact {
			return nil, fmt.Errorf("workforce: controlled rounding: cell (%d, %d) = %v: %w", k/c, k%c, x, ErrBadValue)
		}
		rowS[k/c].add(x)
		fl.split(k, c, x, out, frac)
	}
	for _, x := range cols {
		total += x
	}
	var bad error
	exact := func(line string, target, floors int64, n int) int {
		u := target - floors
		if u < 0 || u > int64(n) {
			bad = fmt.Errorf("workforce: controlled rounding: %s must total %d, but its cells' floors add up to %d with %d fractional cells: %w", line, target, floors, n, ErrInfeasible)
			return 0
		}
		return int(u)
	}
	s, t := r+c, r+c+1
	g := newFlowGraph(r + c + 4)
	for i := range r {
		if rows != nil {
			u := exact(fmt.Sprintf("row %d", i), rows[i], fl.rowFloor[i], fl.rowN[i])
			g.addBounded(s, i, u, u)
			continue
		}
		x := snap(rowS[i].value())
		lo := min(max(int64(math.Floor(x))-fl.rowFloor[i], 0), int64(fl.rowN[i]))
		hi := min(max(int64(math.Ceil(x))-fl.rowFloor[i], lo), int64(fl.rowN[i]))
		g.addBounded(s, i, int(lo), int(hi))
	}
	cellEdge := make([]int, len(y))
	for k := range y {
		cellEdge[k] = -1
		if frac[k] > 0 {
			cellEdge[k] = g.addBounded(k/c, r+k%c, 0, 1)
		}
	}
	for j := range c {
		u := exact(fmt.Sprintf("column %d", j), cols[j], fl.colFloor[j], fl.colN[j])
		g.addBounded(r+j, t, u, u)
	}
	u := exact("the grand total", total, fl.totFloor, fl.totN)
	g.addBounded(t, s, u, u)
	if bad != nil {
		return nil, bad
	}
	if !g.feasible() {
		return nil, fmt.Errorf("workforce: controlled rounding of a %d×%d table with fixed totals: no rounding found: %w", r, c, ErrInfeasible)
	}
	if len(y) <= optimalCells && r+c <= optimalLines {
		g.cost = make([]float64, len(g.to))
		for k, e := range cellEdge {
			if e >= 0 {
				g.cost[e] = 1 - 2*frac[k]
				g.cost[e^1] = -g.cost[e]
			}
		}
		g.cancelNegativeCycles(r+c+2, 4*len(y)+16)
	}
	for k, e := range cellEdge {
		if e >= 0 && g.flowOn(e) > 0 {
			out[k]++
		}
	}
	return out, nil
}
