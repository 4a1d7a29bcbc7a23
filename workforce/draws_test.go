package workforce_test

import (
	"context"
	"math"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

// SectorDraws are aligned across sectors: in every draw the sectors add
// up to the total of that draw (an identity of the model, checked on the
// raw draws), and each has Draws() elements.
func TestSectorDrawsAligned(t *testing.T) {
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:      must(estimate.Between(5e5, 1.5e6)),
		Sectors:    wfShares(200),
		MonteCarlo: estimate.Options{Draws: 500, Seed: 3},
	})
	if err != nil {
		t.Fatal(err)
	}
	tot := h.Total().Samples()
	if len(tot) != 500 {
		t.Fatalf("TotalDraws: %d draws, want 500", len(tot))
	}
	sum := make([]float64, len(tot))
	for _, s := range h.Sectors() {
		d := h.BySector(s).Samples()
		if len(d) != len(tot) {
			t.Fatalf("SectorDraws(%v): %d draws, want %d", s, len(d), len(tot))
		}
		for i, v := range d {
			sum[i] += v
		}
	}
	for i := range tot {
		if math.Abs(sum[i]-tot[i]) > 1e-6*tot[i] {
			t.Fatalf("draw %d: sectors add to %v, total %v", i, sum[i], tot[i])
		}
	}
	if d := h.BySector(workforce.Sector(0)).Samples(); d != nil {
		t.Errorf("SectorDraws(invalid) = %d draws, want nil", len(d))
	}
	var zero *workforce.Headcount
	if zero.BySector(workforce.Information).Samples() != nil || zero.Total().Samples() != nil {
		t.Error("nil Headcount: draws not nil")
	}
}

// wfShares is a Dirichlet composition centred on the default workforce's
// sector shares, with concentration c.
func wfShares(c float64) estimate.Composition {
	wf := must(workforce.DefaultWorkforce(workforce.DefaultYear))
	rows := wf.RowTotals()
	mean := make([]float64, len(rows))
	for i, v := range rows {
		mean[i] = v / wf.Total()
	}
	return must(estimate.DirichletMean(mean, c))
}
