package workforce

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"sync/atomic"
)

// A CapReport says how often [NewHeadcount] had to cap a count at its
// workforce, as described in [Headcount] ("The workforce cap"). The zero
// CapReport means the cap never acted.
type CapReport struct {
	// Draws is the number of Monte Carlo draws ([Headcount.Draws]).
	Draws int
	// Capped is the number of draws in which some sector had a cell
	// capped at its workforce.
	Capped int
	// TotalCapped is the number of draws whose total was above the whole
	// workforce, and so capped at it (everyone in the table leaves).
	TotalCapped int
	// Sectors gives, for each sector that had a cell capped in some draw,
	// the number of such draws; nil when the cap never acted.
	Sectors map[Sector]int
	// PointMoved is the number of people the cap moved out of capped
	// cells in the point result, before rounding; 0 when it did not act.
	PointMoved float64
	// PointSectors are the sectors with a capped cell in the point
	// result, in the workforce's row order.
	PointSectors []Sector
}

// Capped reports how often the workforce cap acted, in the draws and in
// the point result.
func (h *Headcount) Capped() CapReport {
	h = h.orZero()
	c := h.capped
	c.Draws = h.Draws()
	c.Sectors = maps.Clone(c.Sectors)
	c.PointSectors = slices.Clone(c.PointSectors)
	return c
}

// capCounts counts, during the simulation, the draws in which the cap
// acted: any row (any), each row (rows), the total (total).
type capCounts struct {
	any, total atomic.Int64
	rows       []atomic.Int64
}

// capCells caps each cell of the r×4 table x at bound and moves the excess
// to cells with room, so that the sum of x is kept and no cell exceeds its
// bound: first within the same skill level (column), in proportion to
// each cell's room (bound − x), which keeps the skill composition; what a
// full level cannot take goes to every cell with room, in proportion to
// its room. The sum of x must not exceed the sum of bound. hit[i] is set
// for each row with a cell above its bound by more than a relative 1e-9
// (the fits' noise). It returns the number of people moved.
func capCells(x, bound []float64, r int, hit []bool) float64 {
	const c = NumSkillLevels
	var excess [c]float64
	var moved float64
	for k, v := range x {
		if v > bound[k] {
			e := v - bound[k]
			excess[k%c] += e
			moved += e
			x[k] = bound[k]
			if e > 1e-9*bound[k] {
				hit[k/c] = true
			}
		}
	}
	if moved == 0 {
		return 0
	}
	left := 0.0
	for j := range c {
		if excess[j] == 0 {
			continue
		}
		room := 0.0
		for i := range r {
			room += bound[i*c+j] - x[i*c+j]
		}
		if room <= excess[j] {
			for i := range r {
				x[i*c+j] = bound[i*c+j]
			}
			left += excess[j] - room
			continue
		}
		f := excess[j] / room
		for i := range r {
			k := i*c + j
			x[k] = math.Min(x[k]+f*(bound[k]-x[k]), bound[k])
		}
	}
	if left > 0 {
		room := 0.0
		for k, v := range x {
			room += bound[k] - v
		}
		f := math.Min(left/room, 1)
		if room <= 0 {
			f = 0
		}
		for k, v := range x {
			x[k] = math.Min(v+f*(bound[k]-v), bound[k])
		}
	}
	return moved
}

// capNote describes the draws counted in cc, out of draws.
func (p *plan) capNote(cc *capCounts, draws int) string {
	pct := func(n int64) float64 { return 100 * math.Min(float64(n)/float64(draws), 1) }
	rows := make([]int, 0, p.r)
	for i := range p.r {
		if cc.rows[i].Load() > 0 {
			rows = append(rows, i)
		}
	}
	slices.SortStableFunc(rows, func(a, b int) int { return cmp.Compare(cc.rows[b].Load(), cc.rows[a].Load()) })
	parts := make([]string, 0, 6)
	for k, i := range rows {
		if k == 5 {
			parts = append(parts, fmt.Sprintf("and %d more", len(rows)-k))
			break
		}
		parts = append(parts, fmt.Sprintf("%v %.3g%%", p.sectors[i], pct(cc.rows[i].Load())))
	}
	var s []string
	if n := cc.total.Load(); n > 0 {
		s = append(s, fmt.Sprintf("%.3g%% of draws had a total above the whole workforce, capped at it", pct(n)))
	}
	if n := cc.any.Load(); n > 0 {
		s = append(s, fmt.Sprintf("%.3g%% of draws put more people in a sector at some skill level than work there (%s); "+
			"those cells were capped at their workforce and the excess moved to the same skill level of other sectors, in proportion to the people still there",
			pct(n), strings.Join(parts, ", ")))
	}
	return "workforce cap: " + strings.Join(s, "; ")
}
