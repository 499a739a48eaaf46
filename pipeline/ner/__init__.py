"""The project's own NER model (PERSON, LOCATION, ORG, TITLE, ADDRESS): data, training, artifact.

Nothing here is imported by the screening core; torch, transformers and onnxruntime are needed
only by ``model``, ``onnx_export`` and the torch/ONNX parts of ``inference`` (the ``ner`` extra).
"""
