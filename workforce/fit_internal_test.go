package workforce

import "testing"

// fit2 with the 4-element buffer that Headcounts gives it per draw for a
// 21×4 table does not allocate: its scratch fits on the stack.
func TestFit2NoAllocs(t *testing.T) {
	const r, c = 21, 4
	x, rows, cols := make([]float64, r*c), make([]float64, r), make([]float64, c)
	for i := range rows {
		rows[i] = 4 // hand: each row of ones scaled to 4, each column to 21
	}
	for j := range cols {
		cols[j] = 21
	}
	buf := make([]float64, c)
	allocs := testing.AllocsPerRun(100, func() {
		for k := range x {
			x[k] = 1
		}
		if rep := fit2(x, r, c, rows, cols, 1e-10, 100, buf); !rep.Converged {
			t.Fatalf("not converged: %+v", rep)
		}
	})
	if allocs != 0 {
		t.Errorf("fit2 allocates %v times per call", allocs)
	}
}
