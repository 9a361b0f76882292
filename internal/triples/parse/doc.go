// Package parse tags, lemmatizes and parses English sentences into
// Universal Dependencies trees, in pure Go and fast enough to run on every
// sentence of a news stream (some 11,000 sentences a second on one core).
//
// It follows the conventions of the Universal Dependencies English Web
// Treebank (EWT, https://universaldependencies.org/treebanks/en_ewt/):
// Penn Treebank tokens ("did" "n't", "Assad" "'s", "cease" "-" "fire"),
// universal and Penn part-of-speech tags, and UD v2 relations with EWT's
// subtypes (nsubj:pass, obl:tmod, acl:relcl, nmod:poss, compound:prt...).
// [ReadCoNLLU] reads the CoNLL-U format of the treebank files.
//
// Three stages run in order inside [Model.Parse]:
//
//	tagger      greedy averaged perceptron over "XPOS|UPOS" pairs: word,
//	            affixes, shape, neighbours, the Penn tags each word had in
//	            training, the two previous tags (Honnibal 2013)
//	lemmatizer  exceptions table plus suffix rules learnt per Penn tag
//	parser      greedy arc-eager transitions with labels, averaged
//	            perceptron over the features of Zhang and Nivre (2011),
//	            trained with a dynamic oracle (Goldberg and Nivre 2012)
//
// On the EWT dev set with predicted tags it scores UPOS 95.09, XPOS 94.40,
// lemma 98.52, UAS 85.25 and LAS 82.09 (README.md has the details).
//
// Feature keys are 64-bit hashes of integer values; weights are quantized
// to integers and kept in an open-addressing table, as sparse pairs of class
// and weight or, for frequent features, dense rows. The model is embedded in
// the binary and decoded once by [Default].
//
// The embedded model was trained by
//
//	go run ./internal/triples/parse/train -ud ../shared/ud -out internal/triples/parse/model/en_ewt.bin.gz
//
// from UD English EWT, © the UD English EWT contributors (Silveira et al.
// 2014, the Linguistic Data Consortium's English Web Treebank), licensed
// under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).
// The model file is a derived work under the same licence; see README.md.
package parse
