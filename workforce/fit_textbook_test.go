package workforce_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/exodus-lab/exodus/workforce"
)

// textbookIPF is iterative proportional fitting as the textbooks write it
// (Deming and Stephan 1940; Bishop, Fienberg and Holland 1975, §3.5), on a
// [][]float64 in place, independent of the package: each iteration scales
// every row to its target, then every column, then sums all rows and all
// columns afresh and stops when every margin is within tol·total of its
// target. It returns the number of iterations run.
func textbookIPF(x [][]float64, rows, cols []float64, tol float64, maxIter int) (iter int, converged bool) {
	total := 0.0
	for _, t := range rows {
		total += t
	}
	for iter < maxIter {
		iter++
		for i, row := range x {
			s := 0.0
			for _, v := range row {
				s += v
			}
			if s > 0 {
				for j := range row {
					row[j] *= rows[i] / s
				}
			}
		}
		for j := range cols {
			s := 0.0
			for i := range x {
				s += x[i][j]
			}
			if s > 0 {
				for i := range x {
					x[i][j] *= cols[j] / s
				}
			}
		}
		dev := 0.0
		for i, row := range x {
			s := 0.0
			for _, v := range row {
				s += v
			}
			dev = math.Max(dev, math.Abs(s-rows[i]))
		}
		for j := range cols {
			s := 0.0
			for i := range x {
				s += x[i][j]
			}
			dev = math.Max(dev, math.Abs(s-cols[j]))
		}
		if dev <= tol*total {
			return iter, true
		}
	}
	return iter, false
}

// fitProblem is a random r×c seed in [1, 2) (with about a fifth of the
// cells zero if zeros is set, none in column 0) and consistent targets,
// the problem of the benchmarks.
func fitProblem(seed uint64, r, c int, zeros bool) (vals [][]float64, rows, cols []float64) {
	rng := rand.New(rand.NewPCG(seed, 8))
	vals = make([][]float64, r)
	rows = make([]float64, r)
	cols = make([]float64, c)
	tot := 0.0
	for i := range vals {
		vals[i] = make([]float64, c)
		for j := range vals[i] {
			vals[i][j] = 1 + rng.Float64()
			if zeros && j > 0 && rng.IntN(5) == 0 {
				vals[i][j] = 0
			}
		}
		rows[i] = float64(c) * (1 + rng.Float64())
		tot += rows[i]
	}
	// Column targets: the total in random shares (weights in [0.5, 1.5)).
	w, sw := make([]float64, c), 0.0
	for j := range w {
		w[j] = 0.5 + rng.Float64()
		sw += w[j]
	}
	for j := range cols {
		cols[j] = tot * w[j] / sw
	}
	return vals, rows, cols
}

func labelsN(prefix string, n int) []string {
	s := make([]string, n)
	for i := range s {
		s[i] = fmt.Sprint(prefix, i)
	}
	return s
}

// Issue 12, §4: Fit and FitN run as many iterations as the textbook
// algorithm with the same stopping rule, no extra sweep to detect
// convergence, and reach the same table.
func TestFitIterationsMatchTextbook(t *testing.T) {
	t.Parallel()
	type problem struct {
		name       string
		vals       [][]float64
		rows, cols []float64
	}
	var problems []problem
	// Wikipedia, "Iterative proportional fitting", worked example.
	problems = append(problems, problem{"wikipedia",
		[][]float64{{40, 30, 20, 10}, {35, 50, 100, 75}, {30, 80, 70, 120}, {20, 30, 40, 50}},
		[]float64{150, 300, 400, 150}, []float64{200, 300, 400, 100}})
	for k, sz := range [][2]int{{21, 4}, {21, 9}, {2000, 50}, {50, 2000}, {1, 1}, {3, 1}} {
		for _, zeros := range []bool{false, true} {
			if zeros && sz[1] < 2 {
				continue
			}
			v, r, c := fitProblem(uint64(k+1), sz[0], sz[1], zeros)
			problems = append(problems, problem{fmt.Sprintf("%dx%d/zeros=%v", sz[0], sz[1], zeros), v, r, c})
		}
	}
	for _, p := range problems {
		for _, tol := range []float64{1e-10, 1e-6, 1e-13} {
			r, c := len(p.vals), len(p.vals[0])
			x := make([][]float64, r)
			flat := make([]float64, 0, r*c)
			for i, row := range p.vals {
				x[i] = append([]float64(nil), row...)
				flat = append(flat, row...)
			}
			wantIter, wantConv := textbookIPF(x, p.rows, p.cols, tol, 1000)
			seed := workforce.MustNewTable(labelsN("r", r), labelsN("c", c), p.vals)
			got, rep, err := workforce.Fit(seed, p.rows, p.cols, workforce.FitOptions{Tolerance: tol})
			if errors.Is(err, workforce.ErrInfeasible) {
				t.Fatalf("%s: the test problem is infeasible: %v", p.name, err)
			}
			if rep.Iterations != wantIter || rep.Converged != wantConv || (err == nil) != wantConv {
				t.Errorf("%s tol %g: Fit ran %d iterations (converged %v, %v); the textbook %d (converged %v)", p.name, tol, rep.Iterations, rep.Converged, err, wantIter, wantConv)
				continue
			}
			// The same arithmetic in the same order: the same table, bit for bit.
			for i := range r {
				for j := range c {
					if got.At(i, j) != x[i][j] {
						t.Fatalf("%s tol %g: cell (%d, %d) = %v, textbook %v", p.name, tol, i, j, got.At(i, j), x[i][j])
					}
				}
			}
			xn, repN, _ := workforce.FitN(flat, []int{r, c}, []workforce.Margin{{Dims: []int{0}, Values: p.rows}, {Dims: []int{1}, Values: p.cols}}, workforce.FitOptions{Tolerance: tol})
			if repN.Iterations != wantIter || repN.Converged != wantConv {
				t.Errorf("%s tol %g: FitN ran %d iterations (converged %v); the textbook %d (converged %v)", p.name, tol, repN.Iterations, repN.Converged, wantIter, wantConv)
			}
			for k := range xn {
				if d := math.Abs(xn[k] - x[k/c][k%c]); d > 1e-12*math.Abs(x[k/c][k%c]) {
					t.Fatalf("%s tol %g: FitN cell %d = %v, textbook %v", p.name, tol, k, xn[k], x[k/c][k%c])
				}
			}
		}
	}
}

// textbookIPFN is N-dimensional IPF as the textbooks write it, cell by
// cell with explicit coordinates: each iteration adjusts every margin in
// turn (summing it afresh, then scaling), then sums every margin afresh
// and stops when all are within tol·total of their targets.
func textbookIPFN(x []float64, shape []int, margins []workforce.Margin, tol float64, maxIter int) (iter int, converged bool) {
	cell := func(m workforce.Margin, c int) int { // c's index in margin m
		coord := make([]int, len(shape))
		for d := len(shape) - 1; d >= 0; d-- {
			coord[d] = c % shape[d]
			c /= shape[d]
		}
		k := 0
		for _, d := range m.Dims {
			k = k*shape[d] + coord[d]
		}
		return k
	}
	sums := func(m workforce.Margin) []float64 {
		s := make([]float64, len(m.Values))
		for c, v := range x {
			s[cell(m, c)] += v
		}
		return s
	}
	total := 0.0
	for _, t := range margins[0].Values {
		total += t
	}
	for iter < maxIter {
		iter++
		for _, m := range margins {
			s := sums(m)
			for c := range x {
				if k := cell(m, c); s[k] > 0 {
					x[c] *= m.Values[k] / s[k]
				}
			}
		}
		dev := 0.0
		for _, m := range margins {
			for k, s := range sums(m) {
				dev = math.Max(dev, math.Abs(s-m.Values[k]))
			}
		}
		if dev <= tol*total {
			return iter, true
		}
	}
	return iter, false
}

// Issue 12, §4: FitN runs as many iterations as the textbook algorithm in
// any number of dimensions, with margins in any order and dimensions of
// size 1, and reaches the same array.
func TestFitNIterationsMatchTextbook(t *testing.T) {
	t.Parallel()
	type problem struct {
		name    string
		seed    []float64
		shape   []int
		margins []workforce.Margin
	}
	// ExampleFitN's problem.
	problems := []problem{{"example", []float64{1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1}, []int{2, 2, 3}, []workforce.Margin{
		{Dims: []int{0, 1}, Values: []float64{300, 200, 100, 400}},
		{Dims: []int{2}, Values: []float64{450, 350, 200}},
	}}}
	// Random arrays fitted to margins computed from another random array
	// of the same shape (so they are consistent and reachable).
	rng := rand.New(rand.NewPCG(11, 12))
	for _, tt := range []struct {
		shape []int
		dims  [][]int
	}{
		{[]int{21, 4}, [][]int{{1}, {0}}},                   // 2-D, columns first
		{[]int{21, 4, 30}, [][]int{{0, 1}, {2}}},            // sector × skill, country
		{[]int{21, 4, 30}, [][]int{{0, 1}, {0, 2}, {1, 2}}}, // all two-way margins
		{[]int{5, 1, 7, 1}, [][]int{{0}, {2}, {0, 1}}},      // sizes of 1
		{[]int{3, 4, 5, 6}, [][]int{{0, 3}, {1, 2}, {2, 3}}},
		{[]int{40, 50}, [][]int{{0, 1}}}, // one full margin
	} {
		n := 1
		for _, s := range tt.shape {
			n *= s
		}
		seed, target := make([]float64, n), make([]float64, n)
		for k := range seed {
			seed[k], target[k] = 0.5+rng.Float64(), 0.5+rng.Float64()
		}
		var ms []workforce.Margin
		for _, dims := range tt.dims {
			m := workforce.Margin{Dims: dims}
			size := 1
			for _, d := range dims {
				size *= tt.shape[d]
			}
			m.Values = make([]float64, size)
			ms = append(ms, m)
		}
		// the margins of target, by the textbook's own indexing: one
		// sweep of textbookIPFN over a copy with targets of 1 would do, but
		// summing directly is plainer
		for _, m := range ms {
			for c, v := range target {
				coord, cc := make([]int, len(tt.shape)), c
				for d := len(tt.shape) - 1; d >= 0; d-- {
					coord[d] = cc % tt.shape[d]
					cc /= tt.shape[d]
				}
				k := 0
				for _, d := range m.Dims {
					k = k*tt.shape[d] + coord[d]
				}
				m.Values[k] += v
			}
		}
		problems = append(problems, problem{fmt.Sprint(tt.shape, tt.dims), seed, tt.shape, ms})
	}
	for _, p := range problems {
		for _, tol := range []float64{1e-10, 1e-6} {
			x := append([]float64(nil), p.seed...)
			wantIter, wantConv := textbookIPFN(x, p.shape, p.margins, tol, 1000)
			got, rep, err := workforce.FitN(p.seed, p.shape, p.margins, workforce.FitOptions{Tolerance: tol})
			if rep.Iterations != wantIter || rep.Converged != wantConv || (err == nil) != wantConv {
				t.Errorf("%s tol %g: FitN ran %d iterations (converged %v, %v); the textbook %d (converged %v)", p.name, tol, rep.Iterations, rep.Converged, err, wantIter, wantConv)
				continue
			}
			for k := range got {
				if d := math.Abs(got[k] - x[k]); d > 1e-12*math.Abs(x[k]) {
					t.Fatalf("%s tol %g: cell %d = %v, textbook %v", p.name, tol, k, got[k], x[k])
				}
			}
		}
	}
}
