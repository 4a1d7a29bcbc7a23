package workforce_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/exodus-lab/exodus/workforce"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func ipfExample(t testing.TB) *workforce.Table {
	t.Helper()
	// Wikipedia, "Iterative proportional fitting", worked example; the same
	// table is the example of ProportionalFitting.jl's README.
	return workforce.MustNewTable(
		[]string{"1", "2", "3", "4"}, []string{"1", "2", "3", "4"},
		[][]float64{{40, 30, 20, 10}, {35, 50, 100, 75}, {30, 80, 70, 120}, {20, 30, 40, 50}})
}

func TestFitWikipedia(t *testing.T) {
	rows := []float64{150, 300, 400, 150}
	cols := []float64{200, 300, 400, 100}
	got, rep, err := workforce.Fit(ipfExample(t), rows, cols, workforce.FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Wikipedia / ProportionalFitting.jl: first fitted row 64.5585, 46.2325, 35.3843, 3.82473.
	want := []float64{64.5585, 46.2325, 35.3843, 3.82473}
	if diff := cmp.Diff(want, got.Row(0), cmpopts.EquateApprox(0, 5e-4)); diff != "" {
		t.Errorf("first fitted row mismatch (-want +got):\n%s", diff)
	}
	if !rep.Converged || rep.MaxError > 1e-10 || rep.Iterations < 2 {
		t.Errorf("report %+v", rep)
	}
	if diff := cmp.Diff(rows, got.RowTotals(), cmpopts.EquateApprox(1e-9, 0)); diff != "" {
		t.Errorf("row totals (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(cols, got.ColTotals(), cmpopts.EquateApprox(1e-9, 0)); diff != "" {
		t.Errorf("column totals (-want +got):\n%s", diff)
	}
	// The same fit as a 2-D FitN.
	seed := []float64{40, 30, 20, 10, 35, 50, 100, 75, 30, 80, 70, 120, 20, 30, 40, 50}
	x, _, err := workforce.FitN(seed, []int{4, 4}, []workforce.Margin{{Dims: []int{0}, Values: rows}, {Dims: []int{1}, Values: cols}}, workforce.FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, x[:4], cmpopts.EquateApprox(0, 5e-4)); diff != "" {
		t.Errorf("FitN first row mismatch (-want +got):\n%s", diff)
	}
}

func TestFitStructuralZeros(t *testing.T) {
	seed := workforce.MustNewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{0, 1}, {1, 1}})
	got, _, err := workforce.Fit(seed, []float64{3, 7}, []float64{4, 6}, workforce.FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Hand: the zero stays; then a.y = 3, b.y = 3, b.x = 4.
	want := [][]float64{{0, 3}, {4, 3}}
	if diff := cmp.Diff(want, got.Values(), cmpopts.EquateApprox(1e-9, 0)); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestFitErrors(t *testing.T) {
	seed := workforce.MustNewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{0, 0}, {1, 1}})
	missing := workforce.MustNewTable([]string{"a"}, []string{"x"}, [][]float64{{math.NaN()}})
	diag := workforce.MustNewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{1, 0}, {0, 1}})
	ones := workforce.MustNewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{1, 1}, {1, 1}})
	corner := workforce.MustNewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{1, 1}, {1, 0}})
	tests := []struct {
		name       string
		seed       *workforce.Table
		rows, cols []float64
		opt        workforce.FitOptions
		err        error
	}{
		{"inconsistent", seed, []float64{1, 2}, []float64{1, 1}, workforce.FitOptions{}, workforce.ErrInconsistent},
		{"zero row with target", seed, []float64{1, 1}, []float64{1, 1}, workforce.FitOptions{}, workforce.ErrInfeasible},
		{"shape", seed, []float64{1}, []float64{1, 1}, workforce.FitOptions{}, workforce.ErrShape},
		{"NaN target", seed, []float64{math.NaN(), 1}, []float64{1, 1}, workforce.FitOptions{}, workforce.ErrBadValue},
		// Each target is finite, their sum is not: an error, not a wrong fit.
		{"targets overflow", ones, []float64{1e308, 1e308}, []float64{1.5e308, 0.5e308}, workforce.FitOptions{}, workforce.ErrBadValue},
		{"missing", missing, []float64{1}, []float64{1}, workforce.FitOptions{}, workforce.ErrMissing},
		{"bad tolerance", seed, []float64{0, 2}, []float64{1, 1}, workforce.FitOptions{Tolerance: -1}, workforce.ErrBadValue},
		// Hand: a diagonal seed can only give rows = columns; 1,2 vs 2,1 is unreachable.
		{"unreachable", diag, []float64{1, 2}, []float64{2, 1}, workforce.FitOptions{MaxIter: 50}, workforce.ErrInfeasible},
		// Hand: with b.y a structural zero, rows 1,1 and columns 1,1 force
		// b.x = 1, so a.x = 0 although its seed is 1: reachable only in the
		// limit, which RAS approaches like 1/k, so 50 iterations fall short.
		{"boundary", corner, []float64{1, 1}, []float64{1, 1}, workforce.FitOptions{MaxIter: 50}, workforce.ErrNotConverged},
	}
	for _, tt := range tests {
		_, _, err := workforce.Fit(tt.seed, tt.rows, tt.cols, tt.opt)
		if !errors.Is(err, tt.err) {
			t.Errorf("%s: error = %v, want %v", tt.name, err, tt.err)
		}
	}
}

func TestFitN3D(t *testing.T) {
	// A 2×2×2 array fitted to its own margins must come back unchanged
	// (independent check: the margins of a table are reproduced exactly).
	truth := []float64{1, 2, 3, 4, 5, 6, 7, 8}
	shape := []int{2, 2, 2}
	m01 := []float64{1 + 2, 3 + 4, 5 + 6, 7 + 8}
	m02 := []float64{1 + 3, 2 + 4, 5 + 7, 6 + 8}
	m12 := []float64{1 + 5, 2 + 6, 3 + 7, 4 + 8}
	seed := []float64{1, 1, 1, 1, 1, 1, 1, 1}
	got, rep, err := workforce.FitN(seed, shape, []workforce.Margin{
		{Dims: []int{0, 1}, Values: m01}, {Dims: []int{0, 2}, Values: m02}, {Dims: []int{1, 2}, Values: m12},
	}, workforce.FitOptions{Tolerance: 1e-12, MaxIter: 10000})
	if err != nil {
		t.Fatalf("%v (%+v)", err, rep)
	}
	// Margins hold; the no-three-way-interaction solution need not equal truth,
	// so check the margins, the independent property.
	sum := func(x []float64, keep func(i, j, k int) int, n int) []float64 {
		out := make([]float64, n)
		for c, v := range x {
			out[keep(c>>2&1, c>>1&1, c&1)] += v
		}
		return out
	}
	if diff := cmp.Diff(m01, sum(got, func(i, j, _ int) int { return 2*i + j }, 4), cmpopts.EquateApprox(1e-9, 0)); diff != "" {
		t.Errorf("margin 01 (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(m12, sum(got, func(_, j, k int) int { return 2*j + k }, 4), cmpopts.EquateApprox(1e-9, 0)); diff != "" {
		t.Errorf("margin 12 (-want +got):\n%s", diff)
	}
	// Fitting the truth itself converges at once.
	if _, rep, err := workforce.FitN(truth, shape, []workforce.Margin{{Dims: []int{0, 1}, Values: m01}, {Dims: []int{2}, Values: []float64{16, 20}}}, workforce.FitOptions{}); err != nil || rep.Iterations != 1 {
		t.Errorf("fit of truth: %+v, %v", rep, err)
	}
	// Margins disagreeing on the shared dimension 0.
	_, _, err = workforce.FitN(seed, shape, []workforce.Margin{
		{Dims: []int{0, 1}, Values: m01}, {Dims: []int{0}, Values: []float64{12, 24}}, // m01 gives 10, 26
	}, workforce.FitOptions{})
	if !errors.Is(err, workforce.ErrInconsistent) {
		t.Errorf("inconsistent N-D margins: error = %v", err)
	}
	for _, bad := range [][]workforce.Margin{
		{{Dims: []int{3}, Values: []float64{1, 1}}},
		{{Dims: []int{1, 0}, Values: []float64{1, 1, 1, 1}}},
		{{Dims: []int{0}, Values: []float64{1}}},
		nil,
	} {
		if _, _, err := workforce.FitN(seed, shape, bad, workforce.FitOptions{}); !errors.Is(err, workforce.ErrShape) {
			t.Errorf("margins %v: error = %v, want ErrShape", bad, err)
		}
	}
}

func TestFitN3DStructuralZeros(t *testing.T) {
	// sector (2) × skill (2) × country (3). With a flat seed the fit to a
	// sector × skill margin and a country margin has the closed form
	// x[i,j,k] = m01[i,j]·m2[k]/N (hand: the independence model).
	shape := []int{2, 2, 3}
	m01 := []float64{300, 200, 100, 400}
	m2 := []float64{450, 350, 200}
	margins := []workforce.Margin{{Dims: []int{0, 1}, Values: m01}, {Dims: []int{2}, Values: m2}}
	flat := make([]float64, 12)
	for c := range flat {
		flat[c] = 1
	}
	got, rep, err := workforce.FitN(flat, shape, margins, workforce.FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := make([]float64, 12)
	for c := range want {
		want[c] = m01[c/3] * m2[c%3] / 1000
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(1e-9, 0)); diff != "" {
		t.Errorf("flat seed mismatch (-want +got):\n%s", diff)
	}
	if !rep.Converged || rep.Iterations < 1 || rep.MaxError > 1e-10 {
		t.Errorf("report %+v", rep)
	}
	// A structural zero stays exactly zero, and both margins still hold
	// (checked by summing the result, independently of the algorithm).
	seed := slices.Clone(flat)
	seed[7] = 0 // J, medium, Armenia
	got, _, err = workforce.FitN(seed, shape, margins, workforce.FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got[7] != 0 {
		t.Errorf("structural zero became %v", got[7])
	}
	s01, s2 := make([]float64, 4), make([]float64, 3)
	for c, v := range got {
		s01[c/3] += v
		s2[c%3] += v
	}
	if diff := cmp.Diff(m01, s01, cmpopts.EquateApprox(1e-9, 0)); diff != "" {
		t.Errorf("sector × skill margin (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(m2, s2, cmpopts.EquateApprox(1e-9, 0)); diff != "" {
		t.Errorf("country margin (-want +got):\n%s", diff)
	}
	// A zero pattern that no array with these margins fits: the only
	// non-zero cells of country 0 are in sector × skill cell 0, which
	// holds 300 while country 0 needs 450. Hand: infeasible. FitN stops at
	// its limit and says so.
	bad := make([]float64, 12)
	for c := range bad {
		if c%3 != 0 || c == 0 {
			bad[c] = 1
		}
	}
	x, rep, err := workforce.FitN(bad, shape, margins, workforce.FitOptions{MaxIter: 50})
	if !errors.Is(err, workforce.ErrNotConverged) && !errors.Is(err, workforce.ErrInfeasible) {
		t.Errorf("infeasible zero pattern: error = %v", err)
	}
	if errors.Is(err, workforce.ErrNotConverged) && (rep.Iterations != 50 || rep.Converged || !(rep.MaxError > 0) || x == nil) {
		t.Errorf("infeasible zero pattern: report %+v, result %v", rep, x)
	}
}

// Property: FitN terminates within its iteration limit on random 3-D seeds
// with random zero patterns and consistent margins, and reports honestly.
func TestFitNTerminates(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	for range 100 {
		shape := []int{1 + r.IntN(4), 1 + r.IntN(4), 1 + r.IntN(4)}
		n := shape[0] * shape[1] * shape[2]
		seed, truth := make([]float64, n), make([]float64, n)
		for c := range seed {
			if r.IntN(4) > 0 {
				seed[c] = r.Float64()
			}
			truth[c] = r.Float64() * 100
		}
		// Margins of a random array: consistent, but not always reachable
		// from the seed's zero pattern.
		m01 := make([]float64, shape[0]*shape[1])
		m2 := make([]float64, shape[2])
		for c, v := range truth {
			m01[c/shape[2]] += v
			m2[c%shape[2]] += v
		}
		x, rep, err := workforce.FitN(seed, shape, []workforce.Margin{{Dims: []int{0, 1}, Values: m01}, {Dims: []int{2}, Values: m2}}, workforce.FitOptions{MaxIter: 100})
		if rep.Iterations > 100 {
			t.Fatalf("ran %d iterations", rep.Iterations)
		}
		if (err == nil) != rep.Converged {
			t.Fatalf("error %v with report %+v", err, rep)
		}
		for c := range x {
			if seed[c] == 0 && x[c] != 0 {
				t.Fatalf("structural zero %d became %v", c, x[c])
			}
		}
	}
}

// A seed whose sum overflows float64 fits like the same seed scaled down
// (RAS does not depend on the seed's scale: hand, a flat 2×2 seed gives
// rows·cols/total). As a Table such a seed cannot be built (NewTable
// refuses totals beyond the float64 range); FitN takes it.
func TestFitHugeSeed(t *testing.T) {
	if _, err := workforce.NewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{1e308, 1e308}, {1e308, 1e308}}); !errors.Is(err, workforce.ErrBadValue) {
		t.Errorf("NewTable with overflowing totals: error = %v, want ErrBadValue", err)
	}
	x, _, err := workforce.FitN([]float64{1e308, 1e308, 1e308, 1e308}, []int{2, 2},
		[]workforce.Margin{{Dims: []int{0}, Values: []float64{3, 1}}, {Dims: []int{1}, Values: []float64{2, 2}}}, workforce.FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]float64{1.5, 1.5, 0.5, 0.5}, x, cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("FitN mismatch (-want +got):\n%s", diff)
	}
	_, _, err = workforce.FitN([]float64{1, 1}, []int{2}, []workforce.Margin{{Dims: []int{0}, Values: []float64{1e308, 1e308}}}, workforce.FitOptions{})
	if !errors.Is(err, workforce.ErrBadValue) {
		t.Errorf("FitN margin overflow: error = %v", err)
	}
}

// Property: Fit reports ErrInfeasible exactly when no table with the seed's
// zero cells has the targets, decided independently by the
// Gale–Hoffman condition: for every set J of columns, the column targets
// in J sum to no more than the row targets of the rows with a non-zero
// seed cell in J (checked by brute force over all sets).
func TestFitInfeasibleGaleHoffman(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 20))
	checked := 0
	for range 400 {
		nr, nc := 1+r.IntN(5), 1+r.IntN(5)
		vals := make([][]float64, nr)
		for i := range vals {
			vals[i] = make([]float64, nc)
			for j := range vals[i] {
				if r.IntN(2) == 0 {
					vals[i][j] = 1 + r.Float64()
				}
			}
		}
		rows, cols := make([]float64, nr), make([]float64, nc)
		var sr, sc float64
		for i := range rows {
			rows[i] = 1 + r.Float64()*9
			sr += rows[i]
		}
		for j := range cols {
			cols[j] = 1 + r.Float64()*9
			sc += cols[j]
		}
		for j := range cols {
			cols[j] *= sr / sc
		}
		slack := math.Inf(1) // smallest margin of the condition over all sets
		for set := 1; set < 1<<nc; set++ {
			need, have := 0.0, 0.0
			for j := range nc {
				if set>>j&1 == 1 {
					need += cols[j]
				}
			}
			for i := range nr {
				for j := range nc {
					if set>>j&1 == 1 && vals[i][j] > 0 {
						have += rows[i]
						break
					}
				}
			}
			slack = math.Min(slack, have-need)
		}
		// Rows with no non-zero cell (and a positive target) fail early
		// with the same error; skip near-ties of the condition.
		if math.Abs(slack) < 1e-6 {
			continue
		}
		checked++
		seed := workforce.MustNewTable(labels("r", nr), labels("c", nc), vals)
		_, _, err := workforce.Fit(seed, rows, cols, workforce.FitOptions{MaxIter: 20})
		if got, want := errors.Is(err, workforce.ErrInfeasible), slack < 0; got != want {
			t.Fatalf("seed %v, rows %v, cols %v: error %v, Gale–Hoffman says feasible = %v", vals, rows, cols, err, !want)
		}
	}
	if checked < 200 {
		t.Fatalf("only %d cases checked", checked)
	}
}

// Property: Fit terminates within the iteration limit on random seeds
// with random zero patterns and random consistent margins.
func TestFitTerminates(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		nr, nc := 1+r.IntN(6), 1+r.IntN(6)
		vals := make([][]float64, nr)
		for i := range vals {
			vals[i] = make([]float64, nc)
			for j := range vals[i] {
				if r.IntN(3) > 0 {
					vals[i][j] = r.Float64() * 10
				}
			}
		}
		rows := make([]float64, nr)
		cols := make([]float64, nc)
		for i := range rows {
			rows[i] = r.Float64() * 10
		}
		tot := 0.0
		for _, x := range rows {
			tot += x
		}
		for j := range cols {
			cols[j] = tot / float64(nc)
		}
		labels := func(n int) []string {
			s := make([]string, n)
			for i := range s {
				s[i] = string(rune('a' + i))
			}
			return s
		}
		seed := workforce.MustNewTable(labels(nr), labels(nc), vals)
		_, rep, err := workforce.Fit(seed, rows, cols, workforce.FitOptions{MaxIter: 100})
		if rep.Iterations > 100 {
			t.Fatalf("ran %d iterations", rep.Iterations)
		}
		if err == nil && !rep.Converged {
			t.Fatalf("no error but not converged: %+v", rep)
		}
	}
}

func FuzzFit(f *testing.F) {
	f.Add(1.0, 0.0, 2.0, 3.0, 1.0, 2.0, 1.5)
	f.Add(0.0, 0.0, 0.0, 1.0, 0.5, 0.5, 0.0)
	f.Fuzz(func(t *testing.T, a, b, c, d, r0, r1, c0 float64) {
		seed, err := workforce.NewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{a, b}, {c, d}})
		if err != nil {
			return
		}
		c1 := r0 + r1 - c0
		got, rep, err := workforce.Fit(seed, []float64{r0, r1}, []float64{c0, c1}, workforce.FitOptions{MaxIter: 200})
		if rep.Iterations > 200 {
			t.Fatalf("ran %d iterations", rep.Iterations)
		}
		if err != nil {
			return
		}
		// A fit without error meets its targets and keeps the zeros.
		tot := r0 + r1
		for i, want := range []float64{r0, r1} {
			if g := got.RowTotals()[i]; math.Abs(g-want) > 1e-9*tot {
				t.Fatalf("row %d: %v, target %v", i, g, want)
			}
		}
		for j, want := range []float64{c0, c1} {
			if g := got.ColTotals()[j]; math.Abs(g-want) > 1e-9*tot {
				t.Fatalf("column %d: %v, target %v", j, g, want)
			}
		}
		for i := range 2 {
			for j := range 2 {
				if seed.At(i, j) == 0 && got.At(i, j) != 0 {
					t.Fatalf("zero cell (%d, %d) became %v", i, j, got.At(i, j))
				}
			}
		}
	})
}

func benchFit(b *testing.B, nr, nc int, zeros bool) {
	r := rand.New(rand.NewPCG(7, 8))
	rows := make([]string, nr)
	cols := make([]string, nc)
	vals := make([][]float64, nr)
	rt := make([]float64, nr)
	ct := make([]float64, nc)
	for i := range vals {
		rows[i] = "r" + string(rune('0'+i%10)) + string(rune('a'+i/10%26)) + string(rune('a'+i/260))
		vals[i] = make([]float64, nc)
		for j := range vals[i] {
			vals[i][j] = 1 + r.Float64()
			if zeros && j > 0 && r.IntN(5) == 0 { // a fifth structural zeros, none in column 0
				vals[i][j] = 0
			}
		}
		rt[i] = float64(nc) * (1 + r.Float64())
	}
	tot := 0.0
	for _, x := range rt {
		tot += x
	}
	for j := range cols {
		cols[j] = "c" + string(rune('a'+j%26)) + string(rune('a'+j/26))
		ct[j] = tot / float64(nc)
	}
	seed := workforce.MustNewTable(rows, cols, vals)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := workforce.Fit(seed, rt, ct, workforce.FitOptions{Tolerance: 1e-9}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFit(b *testing.B) {
	b.Run("21x9", func(b *testing.B) { benchFit(b, 21, 9, false) })
	b.Run("2000x50", func(b *testing.B) { benchFit(b, 2000, 50, false) })
	// With zero cells, Fit first checks by a maximum flow that the targets
	// are reachable.
	b.Run("2000x50/zeros", func(b *testing.B) { benchFit(b, 2000, 50, true) })
}
