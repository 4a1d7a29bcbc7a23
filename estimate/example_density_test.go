package estimate_test

import (
	"fmt"

	"github.com/exodus-lab/exodus/estimate"
)

func ExampleEstimate_Format() {
	e, _ := estimate.Between(600_000, 1_000_000)
	fmt.Printf("%v\n", e)
	fmt.Printf("%.0f\n", e)
	fmt.Printf("%.3g\n", e)
	// Output:
	// 770k (90%: 600k–1.0M)
	// 774597 (90%: 600000–1000000)
	// 7.75e+05 (90%: 6e+05–1e+06)
}

func ExampleEstimate_Variance() {
	e, _ := estimate.Uniform(0, 6)
	fmt.Printf("%.6g\n", e.Variance()) // (6 − 0)²/12
	// Output:
	// 3
}

func ExampleEstimate_Prob() {
	e, _ := estimate.Normal(0, 1)
	fmt.Printf("%.6f %.6f\n", e.Prob(0), e.Prob(1.96))
	// Output:
	// 0.398942 0.058441
}

func ExampleEstimate_LogProb() {
	e, _ := estimate.Normal(0, 1)
	// The density at 40 underflows to 0; its logarithm does not.
	fmt.Println(e.Prob(40))
	fmt.Printf("%.4f\n", e.LogProb(40))
	// Output:
	// 0
	// -800.9189
}

func ExampleEstimate_Survival() {
	e, _ := estimate.Between(600_000, 1_000_000)
	fmt.Printf("P(more than 1M) = %.3f\n", e.Survival(1_000_000))
	n, _ := estimate.Normal(0, 1)
	fmt.Printf("%.3g, where 1 − CDF gives %v\n", n.Survival(10), 1-n.CDF(10))
	// Output:
	// P(more than 1M) = 0.050
	// 7.62e-24, where 1 − CDF gives 0
}
