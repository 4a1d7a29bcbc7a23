package workforce

import (
	"math"
	"slices"
)

// reachable2 reports whether some r×c table that is zero wherever x is
// zero has row totals rows and column totals cols (whose sums agree),
// within a relative 1e-9. That holds exactly when iterative proportional
// fitting of x converges to those totals (Pukelsheim 2014). It is a
// maximum flow from the rows to the columns through the non-zero cells,
// found by Dinic's algorithm in float64.
func reachable2(x []float64, r, c int, rows, cols []float64) bool {
	if !slices.Contains(x, 0) {
		return true // rows·cols/total is such a table
	}
	total := 0.0
	for _, v := range rows {
		total += v
	}
	if total == 0 {
		return true
	}
	// A greedy flow first (each row fills the columns it reaches in
	// turn), so that the augmenting paths only correct it.
	rowLeft, colLeft := slices.Clone(rows), slices.Clone(cols)
	cell := make([]float64, len(x))
	sent := 0.0
	for i := range r {
		for j := range c {
			if x[i*c+j] > 0 && rowLeft[i] > 0 && colLeft[j] > 0 {
				d := math.Min(rowLeft[i], colLeft[j])
				cell[i*c+j] = d
				rowLeft[i] -= d
				colLeft[j] -= d
				sent += d
			}
		}
	}
	n := r + c + 2
	s, t := r+c, r+c+1
	edges := 2 * (r + c)
	for _, v := range x {
		if v > 0 {
			edges += 2
		}
	}
	g := &flowF{
		head: make([]int32, n), level: make([]int32, n), iter: make([]int32, n),
		next: make([]int32, 0, edges), to: make([]int32, 0, edges), cap: make([]float64, 0, edges),
		eps: 1e-13 * total, // capacities below this count as used up
	}
	for i := range g.head {
		g.head[i] = -1
	}
	for i := range r {
		g.add(s, i, rowLeft[i], rows[i]-rowLeft[i])
	}
	for i := range r {
		for j := range c {
			if x[i*c+j] > 0 {
				g.add(i, r+j, math.Inf(1), cell[i*c+j])
			}
		}
	}
	for j := range c {
		g.add(r+j, t, colLeft[j], cols[j]-colLeft[j])
	}
	return sent+g.maxFlow(s, t) >= total*(1-1e-9)
}

// flowF is a flow network with float64 capacities.
type flowF struct {
	head, next, to     []int32
	cap                []float64
	level, iter, queue []int32
	eps                float64
}

// add adds an edge u→v with residual capacity c, already carrying flow f.
func (g *flowF) add(u, v int, c, f float64) {
	g.to = append(g.to, int32(v), int32(u))
	g.cap = append(g.cap, c, f)
	g.next = append(g.next, g.head[u], g.head[v])
	g.head[u], g.head[v] = int32(len(g.to)-2), int32(len(g.to)-1)
}

func (g *flowF) maxFlow(s, t int) float64 {
	flow := 0.0
	for g.bfs(s, t) {
		copy(g.iter, g.head)
		for {
			f := g.dfs(s, t, math.Inf(1))
			if f <= g.eps {
				break
			}
			flow += f
		}
	}
	return flow
}

func (g *flowF) bfs(s, t int) bool {
	for i := range g.level {
		g.level[i] = -1
	}
	g.level[s] = 0
	g.queue = append(g.queue[:0], int32(s))
	for q := 0; q < len(g.queue); q++ {
		u := g.queue[q]
		for e := g.head[u]; e >= 0; e = g.next[e] {
			if v := g.to[e]; g.cap[e] > g.eps && g.level[v] < 0 {
				g.level[v] = g.level[u] + 1
				g.queue = append(g.queue, v)
			}
		}
	}
	return g.level[t] >= 0
}

func (g *flowF) dfs(u, t int, f float64) float64 {
	if u == t {
		return f
	}
	for ; g.iter[u] >= 0; g.iter[u] = g.next[g.iter[u]] {
		e := g.iter[u]
		v := int(g.to[e])
		if g.cap[e] > g.eps && g.level[v] == g.level[u]+1 {
			if d := g.dfs(v, t, math.Min(f, g.cap[e])); d > g.eps {
				g.cap[e] -= d
				g.cap[e^1] += d
				return d
			}
		}
	}
	return 0
}
