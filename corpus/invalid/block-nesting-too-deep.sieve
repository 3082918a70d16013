# 33 nested blocks; the limit (max_block_depth) is 32.
if true {
    if true {
        if true {
            if true {
                if true {
                    if true {
                        if true {
                            if true {
                                if true {
                                    if true {
                                        if true {
                                            if true {
                                                if true {
                                                    if true {
                                                        if true {
                                                            if true {
                                                                if true {
                                                                    if true {
                                                                        if true {
                                                                            if true {
                                                                                if true {
                                                                                    if true {
                                                                                        if true {
                                                                                            if true {
                                                                                                if true {
                                                                                                    if true {
                                                                                                        if true {
                                                                                                            if true {
                                                                                                                if true {
                                                                                                                    if true {
                                                                                                                        if true {
                                                                                                                            if true {
                                                                                                                                if true {
                                                                                                                                    keep;
                                                                                                                                }
                                                                                                                            }
                                                                                                                        }
                                                                                                                    }
                                                                                                                }
                                                                                                            }
                                                                                                        }
                                                                                                    }
                                                                                                }
                                                                                            }
                                                                                        }
                                                                                    }
                                                                                }
                                                                            }
                                                                        }
                                                                    }
                                                                }
                                                            }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
