//! A drawing: its strokes and stamps, and how it is kept in a stored record.

use serde::{Deserialize, Serialize};

use super::codec::{drawing_from_base64, drawing_to_base64, InkCodecError};
use super::{Stamp, Stroke};

/// A drawing as the strokes that made it, in drawing order, and the stamps placed on it.
/// Stamps lie under the ink, so a child can draw on a stamp and still move it later.
///
/// Stored as `{"ink": "<base64>"}` in the compact format of `ink::codec`: JSON point arrays
/// took about 16 bytes a point, too many for localStorage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StoredDrawing", into = "StoredDrawing")]
pub struct Drawing {
    pub strokes: Vec<Stroke>,
    pub stamps: Vec<Stamp>,
}

/// How a drawing is kept in a stored record.
#[derive(Serialize, Deserialize)]
struct StoredDrawing {
    ink: String,
}

impl From<Drawing> for StoredDrawing {
    fn from(drawing: Drawing) -> Self {
        StoredDrawing {
            ink: drawing_to_base64(&drawing),
        }
    }
}

impl TryFrom<StoredDrawing> for Drawing {
    type Error = InkCodecError;

    fn try_from(stored: StoredDrawing) -> Result<Self, Self::Error> {
        drawing_from_base64(&stored.ink)
    }
}

impl Drawing {
    pub fn is_empty(&self) -> bool {
        self.strokes.is_empty() && self.stamps.is_empty()
    }
}
