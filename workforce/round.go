package workforce

import (
	"fmt"
	"math"
)

// ControlledRound rounds a table to multiples of base (1 for whole
// numbers) so that the rounded table still adds up: every cell, every row
// total, every column total and the grand total moves to one of the two
// multiples of base adjacent to its value (a value that is already a
// multiple is kept), and the rounded totals are the totals of the rounded
// cells. A value within floating-point noise of a multiple (1e-9 plus 64
// units in the last place of the value, for a cell or a total alike) counts
// as that multiple and is kept: a table scaled to a whole total whose float
// sum reads 2718423.0000000005 rounds to a grand total of 2718423. Totals
// are summed with compensation, so their noise does not grow with the
// number of cells. This is the controlled rounding statistical agencies publish with
// (Cox and Ernst 1982; Cox 1987).
//
// For a two-way table such a rounding always exists (Cox and Ernst 1982);
// ControlledRound finds one as a feasible flow in a network with bounds
// (rows to columns), in polynomial time, for a table of any size. The
// result is deterministic.
//
// Size limit: among all controlled roundings, ControlledRound returns one with the
// least total absolute change to the cells only for tables of at most 1024
// cells whose rows and columns number at most 80 together: 21 sectors × 9
// occupations (189 cells, 30 lines) or 32 × 32 qualify, 21 × 60 (1260
// cells) or 50 × 40 (90 lines) do not. For those it cancels negative-cost
// cycles in the flow, which costs O((rows+columns)·cells) per cycle (about
// 20 ms for 32 × 32). A larger table gets a valid controlled rounding that
// leans towards rounding up the largest fractions, without the guarantee.
//
// Cells must be finite, non-negative and not missing, and base finite and
// positive (errors wrap [ErrMissing], naming the first missing cell, or
// [ErrBadValue]); a nil table is an error wrapping [ErrBadValue]. A cell more than
// 2⁵³ times base, whose multiples float64 cannot tell apart, is an error
// wrapping [ErrBadValue], as is a quotient cell/base that overflows or a
// rounded cell or total beyond the float64 range; errors name a cell by its
// row and column labels and its value in t. Should
// no rounding be found (which the theorem rules out), the error wraps
// [ErrInfeasible]; no table is returned with an error.
func ControlledRound(t *Table, base float64) (*Table, error) {
	if !(base > 0) || math.IsInf(base, 0) {
		return nil, fmt.Errorf("workforce: controlled rounding: base %v: %w", base, ErrBadValue)
	}
	if t == nil {
		return nil, nilTable("controlled rounding")
	}
	if err := t.missing("controlled rounding"); err != nil {
		return nil, err
	}
	r, c := t.Dims()
	y := make([]float64, len(t.v))
	for k, x := range t.v {
		y[k] = x / base
		if y[k] > maxExact {
			return nil, fmt.Errorf("workforce: controlled rounding: cell (%q, %q) = %v: more than 2^53 times the base %v: %w", t.rows[k/c], t.cols[k%c], x, base, ErrBadValue)
		}
	}
	n, err := roundInts(y, r, c, t.rows, t.cols, t.v)
	if err != nil {
		return nil, err
	}
	v := make([]float64, len(n))
	for k, m := range n {
		v[k] = float64(m) * base
		if math.IsInf(v[k], 1) {
			return nil, fmt.Errorf("workforce: controlled rounding: cell (%q, %q) = %v rounds to %d times the base %v, beyond the float64 range: %w", t.rows[k/c], t.cols[k%c], t.v[k], m, base, ErrBadValue)
		}
	}
	if err := checkTotals("controlled rounding", t.rows, t.cols, v); err != nil {
		return nil, err
	}
	return t.with(v), nil
}

// snap returns y rounded to the nearest integer if it is within 1e-9
// plus a few dozen units in the last place of it, so that values such as
// 2.9999999999 computed in floating point count as whole, while a real
// fraction of a large value (1e9 + 0.001) does not.
func snap(y float64) float64 {
	if r := math.Round(y); math.Abs(y-r) <= 1e-9+64*0x1p-52*math.Abs(y) {
		return r
	}
	return y
}

// roundInts is controlled rounding of the r×c row-major y to integers.
//
// The bounds of each line (row, column, grand total) come from the line's
// own total, summed with compensation and snapped to a whole number when it
// is within floating-point noise of one, never from the sum of the cells'
// fractional parts: the noise in a total is relative to the total, so a
// fraction sum of 40.00000003 left over from a total of 2243283.00000003
// is 40, not "40 or 41" (the cause of issue 5's totals that came out one
// too high or too low).
//
// Errors name a cell or line by its labels (rows, cols) and a cell by its
// value in orig, the table before scaling to units of the base.
func roundInts(y []float64, r, c int, rows, cols []string, orig []float64) ([]int64, error) {
	out := make([]int64, len(y))
	frac := make([]float64, len(y))
	rowS, colS := make([]kahan, r), make([]kahan, c)
	var totS kahan
	fl := newFloors(r, c)
	for k, x := range y {
		if !finiteNonNeg(x) || x > maxExact {
			return nil, fmt.Errorf("workforce: controlled rounding: cell (%q, %q) = %v: more than 2^53 times the base: %w", rows[k/c], cols[k%c], orig[k], ErrBadValue)
		}
		rowS[k/c].add(x)
		colS[k%c].add(x)
		totS.add(x)
		fl.split(k, c, x, out, frac)
	}
	// bounds returns how many of a line's n fractional cells round up:
	// the line's total, less the sum of its cells' floors, rounded down or up.
	var bad error
	bounds := func(line string, sum kahan, floors int64, n int) (lo, hi int) {
		x := snap(sum.value())
		if x > maxExact {
			bad = fmt.Errorf("workforce: controlled rounding: %s sums to %v units of the base, beyond 2^53: %w", line, x, ErrBadValue)
			return 0, 0
		}
		l, h := int64(math.Floor(x))-floors, int64(math.Ceil(x))-floors
		lo = int(min(max(l, 0), int64(n)))
		hi = int(min(max(h, int64(lo)), int64(n)))
		return lo, hi
	}
	// Network: source s, rows, columns, sink t; t→s closes the circulation.
	s, tt := r+c, r+c+1
	g := newFlowGraph(r + c + 4)
	for i := range r {
		lo, hi := bounds(fmt.Sprintf("row %q", rows[i]), rowS[i], fl.rowFloor[i], fl.rowN[i])
		g.addBounded(s, i, lo, hi)
	}
	cellEdge := make([]int, len(y))
	for i := range r {
		// Larger fractions first: the search takes earlier edges first.
		order := make([]int, 0, c)
		for j := range c {
			if frac[i*c+j] > 0 {
				order = append(order, j)
			}
		}
		sortByFracDesc(order, frac[i*c:(i+1)*c])
		for k := range c {
			cellEdge[i*c+k] = -1
		}
		for k := len(order) - 1; k >= 0; k-- { // the last edge added is tried first
			j := order[k]
			cellEdge[i*c+j] = g.addBounded(i, r+j, 0, 1)
		}
	}
	for j := range c {
		lo, hi := bounds(fmt.Sprintf("column %q", cols[j]), colS[j], fl.colFloor[j], fl.colN[j])
		g.addBounded(r+j, tt, lo, hi)
	}
	lo, hi := bounds("the grand total", totS, fl.totFloor, fl.totN)
	g.addBounded(tt, s, lo, hi)
	if bad != nil {
		return nil, bad
	}
	if !g.feasible() {
		return nil, fmt.Errorf("workforce: controlled rounding of a %d×%d table: no rounding found: %w", r, c, ErrInfeasible)
	}
	if len(y) <= optimalCells && r+c <= optimalLines {
		g.cost = make([]float64, len(g.to))
		for k, e := range cellEdge {
			if e >= 0 {
				g.cost[e] = 1 - 2*frac[k] // rounding up instead of down changes |error| by this
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

// kahan is a compensated (Neumaier) sum: its error is about one unit in
// the last place of the total, whatever the number of terms.
type kahan struct{ s, c float64 }

func (k *kahan) add(x float64) {
	t := k.s + x
	if math.Abs(k.s) >= math.Abs(x) {
		k.c += (k.s - t) + x
	} else {
		k.c += (x - t) + k.s
	}
	k.s = t
}

func (k kahan) value() float64 { return k.s + k.c }

func sortByFracDesc(order []int, frac []float64) {
	// insertion sort: rows are short, and the order must be stable
	for a := 1; a < len(order); a++ {
		for b := a; b > 0 && frac[order[b]] > frac[order[b-1]]; b-- {
			order[b], order[b-1] = order[b-1], order[b]
		}
	}
}

// Tables up to these sizes get the rounding with the least total change
// (cycle cancelling costs O((rows+columns)·cells) per cycle; a 32×32 table
// takes about 20 ms).
const (
	optimalCells = 1024
	optimalLines = 80 // rows + columns
)

// cancelNegativeCycles improves the circulation in the first n nodes (the
// super source and sink are left out) by pushing one unit around
// negative-cost residual cycles, found by Bellman–Ford, at most limit times.
func (g *flowGraph) cancelNegativeCycles(n, limit int) {
	const eps = 1e-9
	dist := make([]float64, n)
	pred := make([]int, n)
	for range limit {
		clear(dist)
		for i := range pred {
			pred[i] = -1
		}
		last := -1
		for range n {
			last = -1
			for u := range n {
				for e := g.head[u]; e >= 0; e = g.next[e] {
					v := g.to[e]
					if v >= n || g.cap[e] <= 0 {
						continue
					}
					if d := dist[u] + g.cost[e]; d < dist[v]-eps {
						dist[v], pred[v], last = d, e, v
					}
				}
			}
			if last < 0 {
				return // no negative cycle: optimal
			}
		}
		// last was relaxed in round n: walk back n steps to land on the cycle.
		v := last
		for range n {
			v = g.to[pred[v]^1]
		}
		sum := 0.0
		for u := v; ; {
			e := pred[u]
			sum += g.cost[e]
			u = g.to[e^1]
			if u == v {
				break
			}
		}
		if sum > -eps {
			return
		}
		for u := v; ; {
			e := pred[u]
			g.cap[e]--
			g.cap[e^1]++
			u = g.to[e^1]
			if u == v {
				break
			}
		}
	}
}

// flowGraph is a Dinic max-flow network that also handles lower bounds
// on edges (through a super source and sink).
type flowGraph struct {
	n      int
	head   []int
	to     []int
	next   []int
	cap    []int
	cost   []float64 // per edge, for cancelNegativeCycles
	lower  []int
	excess []int
	level  []int
	iter   []int
}

func newFlowGraph(n int) *flowGraph {
	g := &flowGraph{n: n, head: make([]int, n), excess: make([]int, n)}
	for i := range g.head {
		g.head[i] = -1
	}
	return g
}

func (g *flowGraph) addEdge(u, v, c int) int {
	e := len(g.to)
	g.to = append(g.to, v, u)
	g.cap = append(g.cap, c, 0)
	g.lower = append(g.lower, 0, 0)
	g.next = append(g.next, g.head[u], g.head[v])
	g.head[u], g.head[v] = e, e+1
	return e
}

// addBounded adds an edge u→v carrying between lo and hi units.
func (g *flowGraph) addBounded(u, v, lo, hi int) int {
	e := g.addEdge(u, v, hi-lo)
	g.lower[e] = lo
	g.excess[v] += lo
	g.excess[u] -= lo
	return e
}

// flowOn returns the flow on edge e, lower bound included.
func (g *flowGraph) flowOn(e int) int { return g.lower[e] + g.cap[e^1] }

// feasible reports whether a circulation meeting every bound exists, and
// leaves it in the graph.
func (g *flowGraph) feasible() bool {
	ss, st := g.n-2, g.n-1
	need := 0
	for v := range g.n - 2 {
		switch x := g.excess[v]; {
		case x > 0:
			g.addEdge(ss, v, x)
			need += x
		case x < 0:
			g.addEdge(v, st, -x)
		}
	}
	return g.maxFlow(ss, st) == need
}

func (g *flowGraph) maxFlow(s, t int) int {
	total := 0
	g.level = make([]int, g.n)
	g.iter = make([]int, g.n)
	queue := make([]int, 0, g.n)
	for {
		for i := range g.level {
			g.level[i] = -1
		}
		g.level[s] = 0
		queue = append(queue[:0], s)
		for q := 0; q < len(queue); q++ {
			u := queue[q]
			for e := g.head[u]; e >= 0; e = g.next[e] {
				if g.cap[e] > 0 && g.level[g.to[e]] < 0 {
					g.level[g.to[e]] = g.level[u] + 1
					queue = append(queue, g.to[e])
				}
			}
		}
		if g.level[t] < 0 {
			return total
		}
		copy(g.iter, g.head)
		for {
			f := g.augment(s, t, math.MaxInt)
			if f == 0 {
				break
			}
			total += f
		}
	}
}

func (g *flowGraph) augment(u, t, f int) int {
	if u == t {
		return f
	}
	for ; g.iter[u] >= 0; g.iter[u] = g.next[g.iter[u]] {
		e := g.iter[u]
		v := g.to[e]
		if g.cap[e] > 0 && g.level[v] == g.level[u]+1 {
			if d := g.augment(v, t, min(f, g.cap[e])); d > 0 {
				g.cap[e] -= d
				g.cap[e^1] += d
				return d
			}
		}
	}
	return 0
}

// floors holds a table's cells split into whole floors and fractions: per
// row, per column and in total, the sum of the floors and the number of
// cells with a fraction, which the controlled roundings share.
type floors struct {
	rowFloor, colFloor []int64
	rowN, colN         []int
	totFloor           int64
	totN               int
}

func newFloors(r, c int) *floors {
	return &floors{rowFloor: make([]int64, r), colFloor: make([]int64, c), rowN: make([]int, r), colN: make([]int, c)}
}

// split snaps cell k (of a table with c columns) of value x to a whole
// number where it is within rounding error of one, stores its floor in
// out[k] and its fraction in frac[k], and counts both in its lines.
func (fl *floors) split(k, c int, x float64, out []int64, frac []float64) {
	x = snap(x)
	f := math.Floor(x)
	out[k] = int64(f)
	frac[k] = x - f
	fl.rowFloor[k/c] += out[k]
	fl.colFloor[k%c] += out[k]
	fl.totFloor += out[k]
	if frac[k] > 0 {
		fl.rowN[k/c]++
		fl.colN[k%c]++
		fl.totN++
	}
}
