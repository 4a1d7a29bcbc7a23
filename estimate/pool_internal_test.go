package estimate

import (
	"math"
	"testing"
)

// TestLogPoolTableMatchesClosedForm computes the logarithmic pool of two
// lognormals both ways: numerically on the grid and in closed form
// (precision-weighted log-space parameters).
func TestLogPoolTableMatchesClosedForm(t *testing.T) {
	a, _ := Between(300e3, 3e6)
	b, _ := Between(600e3, 1e6)
	w := []float64{0.3, 0.7}
	es := []Estimate{a, b}
	closed := newEstimate(logPoolClosed(kindLogNormal, es, w))
	table := newEstimate(logPoolTable(es, w))
	for _, p := range []float64{0.001, 0.05, 0.5, 0.95, 0.999} {
		c, g := closed.Quantile(p), table.Quantile(p)
		if math.Abs(g-c) > 1e-5*c {
			t.Errorf("Quantile(%v): table %v, closed form %v", p, g, c)
		}
	}
	if math.Abs(table.Mean()-closed.Mean()) > 1e-6*closed.Mean() || math.Abs(table.SD()-closed.SD()) > 1e-5*closed.SD() {
		t.Errorf("Mean, SD: table %v, %v; closed form %v, %v", table.Mean(), table.SD(), closed.Mean(), closed.SD())
	}
}
