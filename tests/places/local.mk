## The gazetteer: places, names, morphology, precision (tests/places/).
