-- `file-upload` means documents (issue 19). models.dev's `attachment` flag is true for
-- models that take images, audio or video as well as for those that take documents, so
-- the importers now read it by the model's input modalities (`ModalityRule`): documents
-- come through `input:pdf`, images through `input:image`, audio through `input:audio`.
-- The flag itself no longer maps to a capability.
--
-- Releases imported before this keep what they recorded; `release list --source import
-- --capability file-upload` shows them for review.
DELETE FROM capability_aliases WHERE alias = 'attachment';
