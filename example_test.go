package exodus_test

import (
	"fmt"

	"github.com/exodus-lab/exodus"
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
