package workforce_test

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

// Issue 5, finding 1: Headcounts must succeed and add up for every whole
// total. The expectation is the promise itself (cells add up to the total
// exactly), checked by integer addition of the result.
func TestHeadcountsWholeTotals(t *testing.T) {
	ctx := context.Background()
	totals := []float64{
		2_243_283, // reported: "rounded cells sum to 2243284"
		1_101_937, // reported: the first failure above 100k
		0, 1, 2, 3, 1e13, math.Ldexp(1, 46),
	}
	// every total in a range around the reports, plus random large ones
	for n := 1_101_000.0; n < 1_102_000; n++ {
		totals = append(totals, n)
	}
	for n := 2_243_200.0; n < 2_243_400; n++ {
		totals = append(totals, n)
	}
	r := rand.New(rand.NewPCG(5, 1))
	for range 300 {
		totals = append(totals, math.Floor(r.Float64()*math.Pow(10, 3+10*r.Float64())))
	}
	// The default workforce scaled by 2^21 (exactly), so that totals up to
	// 1.5e14 fit in every cell; the default itself for totals it can hold.
	wf := must(workforce.DefaultWorkforce(workforce.DefaultYear))
	big := must(wf.Scale(1 << 21))
	for _, n := range totals {
		sc := workforce.Scenario{
			Total:      estimate.Must(estimate.Point(n)),
			MonteCarlo: estimate.Options{Draws: 10},
		}
		if n > wf.Total() { // hand: each cell gets n/total of its workforce
			sc.Workforce = big
		}
		h, err := workforce.NewHeadcount(ctx, sc)
		if err != nil {
			t.Fatalf("Headcounts(total %.0f): %v", n, err)
		}
		if float64(h.Total().N) != n {
			t.Fatalf("Headcounts(total %.0f).Total().N = %d", n, h.Total().N)
		}
		var sum int64
		for _, s := range h.Sectors() {
			for _, k := range workforce.SkillLevels() {
				sum += h.Cell(s, k).N
			}
		}
		if float64(sum) != n {
			t.Fatalf("Headcounts(total %.0f): cells sum to %d", n, sum)
		}
	}
	// reported: an uncertain total up to 1e13 failed too
	sc := workforce.Scenario{Total: estimate.Must(estimate.Between(1, 1e13)), MonteCarlo: estimate.Options{Draws: 100}}
	h, err := workforce.NewHeadcount(ctx, sc)
	if err != nil {
		t.Fatalf("Headcounts(Between(1, 1e13)): %v", err)
	}
	checkAddsUp(t, h)
}

// Issue 5, finding 1: a total within floating-point noise of a whole number
// is kept (the doc: "a value that is already a multiple is kept"); one
// whose grand total is an exact whole number keeps it.
func TestControlledRoundKeepsNoisyWholeTotals(t *testing.T) {
	wf := must(workforce.DefaultWorkforce(workforce.DefaultYear))
	check := func(target float64) {
		t.Helper()
		checkNoisyTotal(t, wf, target)
	}
	check(2_718_423) // reported: Total() = 2718423.0000000005 → 2718422
	check(2_694_666) // reported: whole total → 2694665
	for n := 2_690_000.0; n < 2_690_300; n++ {
		check(n)
	}
	r := rand.New(rand.NewPCG(5, 2))
	for range 300 {
		check(math.Floor(r.Float64() * math.Pow(10, 3+10*r.Float64())))
	}
	// random tables of random shapes, scaled to random whole totals
	for range 300 {
		nr, nc := 1+r.IntN(25), 1+r.IntN(12)
		vals := make([][]float64, nr)
		for i := range vals {
			vals[i] = make([]float64, nc)
			for j := range vals[i] {
				vals[i][j] = r.Float64() * 1000
			}
		}
		tab := workforce.MustNewTable(labels("r", nr), labels("c", nc), vals)
		checkNoisyTotal(t, tab, math.Floor(r.Float64()*math.Pow(10, 2+10*r.Float64())))
	}
	// multiples of other bases: hand, target = k·base
	for _, base := range []float64{5, 1000, 0.5} {
		for range 100 {
			k := math.Floor(r.Float64() * math.Pow(10, 2+8*r.Float64()))
			checkNoisyTotalBase(t, wf, k*base, base)
		}
	}
}

// checkNoisyTotal scales wf to target and checks that ControlledRound
// keeps the target as the grand total.
func checkNoisyTotal(t *testing.T, wf *workforce.Table, target float64) {
	t.Helper()
	checkNoisyTotalBase(t, wf, target, 1)
}

// checkNoisyTotalBase scales wf to target, a multiple of base, and checks
// that ControlledRound to base keeps it.
func checkNoisyTotalBase(t *testing.T, wf *workforce.Table, target, base float64) {
	t.Helper()
	tab := must(wf.Scale(target / wf.Total()))
	tot := tab.Total()
	// hand: the table's total is target up to a few units in the last
	// place, so the only adjacent whole number is target itself.
	if math.Abs(tot-target) > 16*0x1p-52*target {
		t.Fatalf("scaled to %.0f, the total is %v: more than noise", target, tot)
	}
	got, err := workforce.ControlledRound(tab, base)
	if err != nil {
		t.Fatalf("ControlledRound(scaled to %.0f, total %v, base %v): %v", target, tot, base, err)
	}
	if d := math.Abs(got.Total() - target); d > 1e-9*target {
		t.Fatalf("ControlledRound(scaled to %.0f, total %v, base %v): grand total %v", target, tot, base, got.Total())
	}
}
