package exodus_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/finance"
	"github.com/exodus-lab/exodus/workforce"
)

func ExampleSource() {
	src := exodus.Source{
		Publisher: "UK Ministry of Defence",
		Title:     "Defence Intelligence update on Ukraine",
		Note:      "up to 1.3 million people left Russia in 2022",
	}
	fmt.Println(src)
	fmt.Println(exodus.Source{})
	// Output:
	// UK Ministry of Defence, "Defence Intelligence update on Ukraine" (up to 1.3 million people left Russia in 2022)
	// unknown source
}

// Example is the module's ten-line tour: a sourced range, whole people by
// sector, and money at a dated rate.
func Example() {
	n, err := estimate.Between(600_000, 1_000_000) // a 90% interval, as a lognormal
	if err != nil {
		log.Fatal(err)
	}
	n = n.Named("emigrants, 2022").WithSources(exodus.Source{Publisher: "Forbes, The Bell, RTVi"})
	fmt.Println(n, "from", n.Sources()[0])

	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:      n,
		MonteCarlo: estimate.Options{Draws: 2000, Seed: 1},
	})
	if err != nil {
		log.Fatal(err)
	}
	var sum int64
	for _, s := range h.Sectors() {
		sum += h.BySector(s).N
	}
	fmt.Println("sectors add up:", sum == h.Total().N)

	rub := finance.MustParseAmount("1.2 trillion roubles")
	usd, err := finance.DefaultRates().Convert(rub, finance.USD, time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(usd, usd.Compact())
	// Output:
	// 770k (90%: 600k–1.0M) from Forbes, The Bell, RTVi
	// sectors add up: true
	// 13804400842.99 USD $13.8bn
}

func ExampleSource_Validate() {
	for _, date := range []string{"2022-03-21", "2022-03", "21.03.2022"} {
		err := exodus.Source{Publisher: "Central Bank of Russia", Date: date}.Validate()
		fmt.Println(date, err)
	}
	// Output:
	// 2022-03-21 <nil>
	// 2022-03 <nil>
	// 21.03.2022 exodus: source date "21.03.2022" is not YYYY, YYYY-MM or YYYY-MM-DD
}
