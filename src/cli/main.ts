// placeholder so the first build has an input; replaced by the real CLI in the next commit
export {};
