package workforce_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

// Issue 5, finding 5: a point result with more people leaving a sector, or
// a cell, than work there is an error, not a share above 1.
func TestHeadcountsExceedWorkforce(t *testing.T) {
	ctx := context.Background()
	opt := estimate.Options{Draws: 100}
	small := workforce.MustNewTable([]string{"A", "J"}, []string{"1", "2", "3", "4"},
		[][]float64{{10, 10, 10, 10}, {10, 10, 10, 10}})
	tests := []struct {
		name string
		sc   workforce.Scenario
	}{
		// hand: a share of 1 of the labour force (75.1M, November 2022) is
		// more than the 71.9M employed the workforce table counts
		{"share 1, J focus", workforce.Scenario{Share: estimate.Must(estimate.Point(1)),
			SectorFocus: map[workforce.Sector]estimate.Estimate{workforce.Information: estimate.Must(estimate.Point(0.3))}}},
		{"share 1", workforce.Scenario{Share: estimate.Must(estimate.Point(1))}},
		// hand: 200M is 2.78 times the 71.9M employed
		{"total 200M", workforce.Scenario{Total: estimate.Must(estimate.Point(200e6))}},
		// hand: 40 people all at level 4, whose workforce is 10 + 10:
		// each sector's total (20 of 40) fits, its level-4 cell (20 of 10)
		// does not
		{"cell", workforce.Scenario{Total: estimate.Must(estimate.Point(40)), Workforce: small,
			Skills: estimate.Must(estimate.FixedShares([]float64{0, 0, 0, 1}))}},
		// hand: 50 people all from J, whose workforce is 40
		{"sector", workforce.Scenario{Total: estimate.Must(estimate.Point(50)), Workforce: small,
			Sectors: estimate.Must(estimate.FixedShares([]float64{0, 1}))}},
	}
	for _, tt := range tests {
		sc := tt.sc
		sc.MonteCarlo = opt
		h, err := workforce.Headcounts(ctx, sc)
		if !errors.Is(err, workforce.ErrExceedsWorkforce) || h != nil {
			t.Errorf("%s: Headcounts = %v, %v; want ErrExceedsWorkforce", tt.name, h, err)
		}
	}
	// At the limit: everyone leaves, exactly the workforce (hand: 80 of 80
	// in small, 10 per cell), is possible.
	h, err := workforce.Headcounts(ctx, workforce.Scenario{Total: estimate.Must(estimate.Point(80)), Workforce: small, MonteCarlo: opt})
	if err != nil {
		t.Fatalf("everyone leaves: %v", err)
	}
	if got := h.SectorShare(workforce.Information); got != 1 {
		t.Errorf("everyone leaves: SectorShare(J) = %v, want 1", got)
	}
	// The message names the sector, the count and the workforce.
	_, err = workforce.Headcounts(ctx, workforce.Scenario{Total: estimate.Must(estimate.Point(50)), Workforce: small,
		Sectors: estimate.Must(estimate.FixedShares([]float64{0, 1})), MonteCarlo: opt})
	for _, want := range []string{"sector J", "50 people", "workforce is 40"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
}

// Issue 5, finding 5: when only some draws exceed the workforce, the
// result stands and Notes gives the share of such draws.
func TestHeadcountsExceedSomeDraws(t *testing.T) {
	// Between(1e7, 1e8) is lognormal with μ = ln √(1e7·1e8) and
	// σ = ln 10 / (2·1.6449) = 0.69997 (estimate.Between's doc). With the
	// workforce's own composition, a draw exceeds some sector exactly when
	// the total exceeds the 71.9M employed: hand, P(Z > ln(W/3.1623e7)/σ).
	wf := must(workforce.DefaultWorkforce(workforce.DefaultYear))
	W := wf.Total()
	sigma := math.Ln10 / (2 * 1.6448536269514722)
	want := 0.5 * math.Erfc(math.Log(W/math.Sqrt(1e15))/sigma/math.Sqrt2) // about 12.0%
	h, err := workforce.Headcounts(context.Background(), workforce.Scenario{
		Total:      estimate.Must(estimate.Between(1e7, 1e8)),
		MonteCarlo: estimate.Options{Draws: 20000, Seed: 7},
	})
	if err != nil {
		t.Fatal(err)
	}
	var got float64 = -1
	for _, n := range h.Notes() {
		if strings.HasPrefix(n, "Monte Carlo: ") && strings.Contains(n, "than work there") {
			if _, err := fmt.Sscanf(n, "Monte Carlo: %g%%", &got); err != nil {
				t.Fatalf("note %q: %v", n, err)
			}
		}
	}
	// 20,000 draws: the standard error of the share is about 0.23 points.
	if math.Abs(got-100*want) > 1.2 {
		t.Errorf("share of draws over the workforce: %v%% in Notes, want %.3g%%; notes:\n%s", got, 100*want, strings.Join(h.Notes(), "\n"))
	}
	// Certain inputs that fit: no such note.
	h, err = workforce.Headcounts(context.Background(), workforce.Scenario{
		Total: estimate.Must(estimate.Point(1e6)), MonteCarlo: estimate.Options{Draws: 100},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range h.Notes() {
		if strings.Contains(n, "than work there") {
			t.Errorf("unexpected note %q", n)
		}
	}
}
