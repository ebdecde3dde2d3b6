//! The colours and brush sizes a child can pick.

/// A colour's name, which the screen shows in the active language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ColourName {
    Black,
    Red,
    Orange,
    Yellow,
    Green,
    Blue,
    Purple,
    Brown,
    Pink,
    Grey,
    LightSkin,
    MediumSkin,
    DarkSkin,
}

/// A swatch in the palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PaletteColour {
    pub name: ColourName,
    /// `#rrggbb`, as stored in strokes.
    pub hex: &'static str,
}

/// Calm, clearly different colours that also read well on white.
pub const PALETTE: [PaletteColour; 13] = [
    PaletteColour {
        name: ColourName::Black,
        hex: "#222222",
    },
    PaletteColour {
        name: ColourName::Red,
        hex: "#d62828",
    },
    PaletteColour {
        name: ColourName::Orange,
        hex: "#f77f00",
    },
    PaletteColour {
        name: ColourName::Yellow,
        hex: "#f6c90e",
    },
    PaletteColour {
        name: ColourName::Green,
        hex: "#2a9d3f",
    },
    PaletteColour {
        name: ColourName::Blue,
        hex: "#1d6fd1",
    },
    PaletteColour {
        name: ColourName::Purple,
        hex: "#7b3fbf",
    },
    PaletteColour {
        name: ColourName::Brown,
        hex: "#8a5a2b",
    },
    PaletteColour {
        name: ColourName::Pink,
        hex: "#f28ab2",
    },
    PaletteColour {
        name: ColourName::Grey,
        hex: "#8d99ae",
    },
    PaletteColour {
        name: ColourName::LightSkin,
        hex: "#f3cfb3",
    },
    PaletteColour {
        name: ColourName::MediumSkin,
        hex: "#c68a5b",
    },
    PaletteColour {
        name: ColourName::DarkSkin,
        hex: "#6f4a33",
    },
];

/// Brush sizes, shown as dots of their size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BrushSize {
    Thin,
    #[default]
    Medium,
    Thick,
}

impl BrushSize {
    pub const ALL: [BrushSize; 3] = [BrushSize::Thin, BrushSize::Medium, BrushSize::Thick];

    /// Base stroke width in logical units (the drawing is 4000 units wide).
    pub fn width(self) -> u16 {
        match self {
            BrushSize::Thin => 16,
            BrushSize::Medium => 40,
            BrushSize::Thick => 96,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_has_at_least_twelve_distinct_valid_colours() {
        assert!(PALETTE.len() >= 12);
        for (i, colour) in PALETTE.iter().enumerate() {
            assert_eq!(colour.hex.len(), 7);
            assert!(colour.hex.starts_with('#'));
            assert!(colour.hex[1..].chars().all(|c| c.is_ascii_hexdigit()));
            assert!(PALETTE[i + 1..]
                .iter()
                .all(|other| other.hex != colour.hex && other.name != colour.name));
        }
    }

    #[test]
    fn brush_sizes_grow() {
        let widths: Vec<u16> = BrushSize::ALL.iter().map(|size| size.width()).collect();
        assert!(widths.windows(2).all(|pair| pair[0] < pair[1]));
    }
}
