// Package parse tags, lemmatizes and parses English sentences into
// Universal Dependencies trees: a greedy averaged-perceptron tagger and a
// transition-based labeled dependency parser, in pure Go, with the model
// embedded.
//
// The embedded model (model/en_ewt.bin.gz) is trained on the Universal
// Dependencies English Web Treebank (UD_English-EWT), CC BY-SA 4.0,
// https://universaldependencies.org; it is a derived work under the same
// licence. Train it again with
//
//	go run ./internal/triples/parse/train -ud ../shared/ud -out internal/triples/parse/model/en_ewt.bin.gz
package parse
